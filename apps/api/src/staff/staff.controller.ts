import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { StaffMember } from '@hearth/domain';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ChangeStaffDto, CreateDelegationDto, CreateStaffDto, CreateTeamDto, ListStaffQuery, ResetPasswordDto } from './staff.dto';
import { DelegationList, DelegationView } from './delegation.view';
import { StaffPage, StaffView, TeamList, TeamView } from './staff.view';
import { CaseloadView, StaffService } from './staff.service';

@ApiTags('staff')
@ApiBearerAuth()
@Controller()
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  /** Any member of staff: colleagues by name and role, for pickers (panel chair, decision maker, whom to reassign to). */
  @Get('staff')
  @ApiOkResponse({ type: StaffPage })
  list(@CurrentActor() actor: StaffMember, @Query() query: ListStaffQuery): Promise<StaffPage> {
    return this.staff.list(actor, query);
  }

  @Get('staff/:id')
  @ApiOkResponse({ type: StaffView })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<StaffView> {
    return this.staff.get(id);
  }

  /** An admin creates an account with its roles and team. */
  @Post('staff')
  @Roles('admin')
  @ApiCreatedResponse({ type: StaffView })
  async create(@CurrentActor() actor: StaffMember, @Body() body: CreateStaffDto, @Res({ passthrough: true }) response: Response): Promise<StaffView> {
    const view = await this.staff.create(actor, body);
    response.setHeader('Location', `/staff/${view.id}`);
    return view;
  }

  /** An admin changes roles, team or name, or deactivates the account; it takes effect on the next request. */
  @Patch('staff/:id')
  @Roles('admin')
  @ApiOkResponse({ type: StaffView })
  change(@CurrentActor() actor: StaffMember, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ChangeStaffDto): Promise<StaffView> {
    return this.staff.change(actor, id, body);
  }

  /** An admin sets a new password; every session of that account ends. */
  @Put('staff/:id/password')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse()
  resetPassword(@CurrentActor() actor: StaffMember, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ResetPasswordDto): Promise<void> {
    return this.staff.resetPassword(actor, id, body.password);
  }

  /** The worker themself, their team manager or an admin: delegations that have not ended. */
  @Get('staff/:id/delegations')
  @ApiOkResponse({ type: DelegationList })
  delegations(@CurrentActor() actor: StaffMember, @Param('id', new ParseUUIDPipe()) id: string): Promise<DelegationList> {
    return this.staff.delegations(actor, id);
  }

  /** A worker going on leave (or their team manager) names a delegate for a period: tasks given to the worker meanwhile go to the delegate. */
  @Post('staff/:id/delegations')
  @ApiCreatedResponse({ type: DelegationView })
  delegate(@CurrentActor() actor: StaffMember, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: CreateDelegationDto): Promise<DelegationView> {
    return this.staff.delegate(actor, id, body);
  }

  @Delete('staff/:id/delegations/:delegationId')
  @HttpCode(204)
  @ApiNoContentResponse()
  cancelDelegation(@CurrentActor() actor: StaffMember, @Param('id', new ParseUUIDPipe()) id: string, @Param('delegationId', new ParseUUIDPipe()) delegationId: string): Promise<void> {
    return this.staff.cancelDelegation(actor, id, delegationId);
  }

  /** Any member of staff: the teams. */
  @Get('teams')
  @ApiOkResponse({ type: TeamList })
  teams(): Promise<TeamList> {
    return this.staff.teams();
  }

  /** An admin creates a team; creating one that exists answers 200 with it. */
  @Post('teams')
  @Roles('admin')
  @ApiCreatedResponse({ type: TeamView, description: 'Created' })
  @ApiOkResponse({ type: TeamView, description: 'A team of that name already existed' })
  async createTeam(@CurrentActor() actor: StaffMember, @Body() body: CreateTeamDto, @Res({ passthrough: true }) response: Response): Promise<TeamView> {
    const { team, created } = await this.staff.createTeam(actor, body.name);
    response.status(created ? 201 : 200).setHeader('Location', `/teams/${team.id}`);
    return team;
  }

  /** The team's manager: open, overdue and due-this-week tasks per worker. */
  @Get('teams/:id/caseload')
  @Roles('team-manager')
  @ApiOkResponse({ type: CaseloadView })
  caseload(@CurrentActor() actor: StaffMember, @Param('id', new ParseUUIDPipe()) id: string): Promise<CaseloadView> {
    return this.staff.caseload(actor, id);
  }
}
