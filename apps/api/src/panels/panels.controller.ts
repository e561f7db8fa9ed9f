import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, StaffMember } from '@hearth/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IdempotencyKey, OptionalIdempotencyKey } from '../common/idempotency-key.decorator';
import type { Response } from 'express';
import { AddPanelCaseDto, CreatePanelDto, PanelCalendarQuery } from './dto/panel.dto';
import { PanelAgendaView, PanelCalendarEntryView, PanelCalendarView, PanelView } from './panel.view';
import { PanelsService } from './panels.service';

@ApiTags('panels')
@ApiBearerAuth()
@Controller('panels')
export class PanelsController {
  constructor(private readonly panels: PanelsService) {}

  /** A team manager or admin sets up a panel sitting with its chair and members. */
  @Post()
  @Roles('team-manager', 'admin')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat the same key to retry safely: the sitting is made once' })
  @ApiCreatedResponse({ type: PanelView })
  @ApiOkResponse({ type: PanelView, description: 'A repeat with the same Idempotency-Key: the sitting made before' })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreatePanelDto,
    @OptionalIdempotencyKey() key: string | null,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PanelView> {
    const { panel, created } = await this.panels.create(actor, body, key);
    response.status(created ? 201 : 200).setHeader('Location', `/panels/${panel.id}`);
    return PanelView.of(panel, this.panels.timeZone(panel.sittingAt));
  }

  /** Any member of staff: the panel calendar, sittings from `from` to `to` (at most a year), soonest first. */
  @Get()
  @ApiOkResponse({ type: PanelCalendarView })
  async calendar(@Query() query: PanelCalendarQuery): Promise<PanelCalendarView> {
    const { timeZone, panels } = await this.panels.calendar(query);
    return { items: panels.map((panel) => PanelCalendarEntryView.entry(panel, timeZone)) };
  }

  /** Any member of staff: the panel, its cases and whether their papers are sent, due or late. */
  @Get(':id')
  @ApiOkResponse({ type: PanelAgendaView })
  async get(@CurrentActor() actor: StaffMember, @Param('id', new ParseUUIDPipe()) id: string): Promise<PanelAgendaView> {
    return PanelAgendaView.agenda(await this.panels.view(actor, id));
  }

  /** A team manager adds a household waiting for panel to the agenda. */
  @Post(':id/cases')
  @HttpCode(200)
  @Roles('team-manager')
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'Repeat the same key to retry safely' })
  @ApiOkResponse({ type: PanelAgendaView, description: 'The panel with its agenda, the case on it' })
  async addCase(@CurrentActor() actor: StaffMember, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: AddPanelCaseDto, @IdempotencyKey() key: string): Promise<PanelAgendaView> {
    return PanelAgendaView.agenda(await this.panels.addCase(actor, id, body.householdId, key));
  }
}
