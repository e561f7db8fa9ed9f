import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DomainError, StaffMember } from '@hearth/domain';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IdempotencyKey, OptionalIdempotencyKey } from '../common/idempotency-key.decorator';
import { AddHouseholdMemberDto, CaseExitDto, HouseholdBackgroundDto } from './dto/household-member.dto';
import { RecordEnquiryDto } from './dto/record-enquiry.dto';
import { HouseholdPage, SearchHouseholdsQuery, SupervisingWorkerDto } from './dto/search-households.query';
import { HouseholdMemberList, HouseholdMemberRecordView, HouseholdView } from './household.view';
import { HouseholdsService } from './households.service';

@ApiTags('households')
@ApiBearerAuth()
@Controller('households')
export class HouseholdsController {
  constructor(private readonly households: HouseholdsService) {}

  /** A caseworker or team manager records a fostering enquiry; the household's workflow starts. */
  @Post()
  @Roles('caseworker', 'team-manager')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat the same key to retry safely' })
  @ApiCreatedResponse({ type: HouseholdView, description: 'Recorded; its workflow has started' })
  @ApiOkResponse({ type: HouseholdView, description: 'A repeat with the same Idempotency-Key: the household recorded the first time' })
  async recordEnquiry(
    @CurrentActor() actor: StaffMember,
    @Body() body: RecordEnquiryDto,
    @OptionalIdempotencyKey() idempotencyKey: string | null,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdView> {
    const { view, created } = await this.households.recordEnquiry(actor, body, idempotencyKey);
    response.status(created ? 201 : 200).setHeader('Location', `/households/${view.id}`);
    return view;
  }

  /** Households the person may see (need to know), found by name in any spelling, case number, stage, team, worker or area. */
  @Get()
  @ApiOkResponse({ type: HouseholdPage })
  search(@CurrentActor() actor: StaffMember, @Query() query: SearchHouseholdsQuery): Promise<HouseholdPage> {
    return this.households.search(actor, query);
  }

  /** Staff who may see the case: the household, its stage, its tasks, what was decided and a timeline. */
  @Get(':id')
  @ApiOkResponse({ type: HouseholdView })
  get(@CurrentActor() actor: StaffMember, @Param('id', new ParseUUIDPipe()) id: string): Promise<HouseholdView> {
    return this.households.view(actor, id);
  }

  /** Staff who may see the case: the people living in the household. */
  @Get(':id/members')
  @ApiOkResponse({ type: HouseholdMemberList })
  async members(@CurrentActor() actor: StaffMember, @Param('id', new ParseUUIDPipe()) id: string): Promise<HouseholdMemberList> {
    return { items: await this.households.listMembers(actor, id) };
  }

  /** The team's manager names the household's supervising worker; open caseworker tasks the previous one held move too. */
  @Put(':id/supervising-worker')
  @Roles('team-manager')
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOkResponse({ type: HouseholdView })
  supervisingWorker(@CurrentActor() actor: StaffMember, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: SupervisingWorkerDto, @IdempotencyKey() key: string) {
    return this.households.changeSupervisingWorker(actor, id, body.workerId, key);
  }

  /** Where the household lives and the carers' background, as a child's matching weighs them. */
  @Put(':id/background')
  @Roles('caseworker', 'team-manager')
  @ApiOkResponse({ type: HouseholdView })
  background(@CurrentActor() actor: StaffMember, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: HouseholdBackgroundDto): Promise<HouseholdView> {
    if ((body.latitude == null) !== (body.longitude == null)) throw new DomainError('invalid-input', 'latitude: give both latitude and longitude, or neither', { latitude: ['give both latitude and longitude, or neither'] });
    return this.households.recordBackground(actor, id, {
      area: body.area ?? null,
      latitude: body.latitude ?? null,
      longitude: body.longitude ?? null,
      ethnicities: body.ethnicities ?? [],
      religions: body.religions ?? [],
      cultures: body.cultures ?? [],
    });
  }

  /** A caseworker or team manager records someone living in the household. */
  @Post(':id/members')
  @Roles('caseworker', 'team-manager')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat the same key to retry safely' })
  @ApiCreatedResponse({ type: HouseholdMemberRecordView, description: 'Recorded' })
  @ApiOkResponse({ type: HouseholdMemberRecordView, description: 'A repeat with the same Idempotency-Key: the member recorded the first time' })
  async addMember(
    @CurrentActor() actor: StaffMember,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AddHouseholdMemberDto,
    @OptionalIdempotencyKey() idempotencyKey: string | null,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { member, created } = await this.households.addMember(actor, id, body, idempotencyKey);
    response.status(created ? 201 : 200);
    return member;
  }

  /** A caseworker or team manager: the applicant of a case waiting at `awaiting-application` applies; the assessment goes on. */
  @Post(':id/application')
  @HttpCode(200)
  @Roles('caseworker', 'team-manager')
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOkResponse({ type: HouseholdView })
  apply(@CurrentActor() actor: StaffMember, @Param('id', new ParseUUIDPipe()) id: string, @IdempotencyKey() key: string) {
    return this.households.apply(actor, id, key);
  }

  /** A caseworker or team manager records that the applicant withdrew; open tasks are cancelled. */
  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('caseworker', 'team-manager')
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOkResponse({ type: HouseholdView })
  withdraw(@CurrentActor() actor: StaffMember, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: CaseExitDto, @IdempotencyKey() key: string) {
    return this.households.closeCase(actor, id, 'withdrawn', body.reason, key);
  }

  /** A team manager ends the assessment, with a reason; open tasks are cancelled. */
  @Post(':id/end-assessment')
  @HttpCode(200)
  @Roles('team-manager')
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOkResponse({ type: HouseholdView })
  endAssessment(@CurrentActor() actor: StaffMember, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: CaseExitDto, @IdempotencyKey() key: string) {
    return this.households.closeCase(actor, id, 'assessment-ended', body.reason, key);
  }
}
