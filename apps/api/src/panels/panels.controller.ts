import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, DomainError } from '@hearth/domain';
import { PanelsRepository } from '@hearth/persistence';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IdempotencyKey } from '../common/idempotency-key.decorator';
import { AddPanelCaseDto, CreatePanelDto, PanelCalendarQuery } from './dto/panel.dto';
import { PanelAgendaView, PanelCalendarEntryView, PanelCalendarView, PanelView } from './panel.view';
import { PanelsService } from './panels.service';

@ApiTags('panels')
@ApiBearerAuth()
@Controller('panels')
export class PanelsController {
  constructor(
    private readonly panels: PanelsService,
    private readonly repository: PanelsRepository,
  ) {}

  /** A team manager or admin sets up a panel sitting with its chair and members. */
  @Post()
  @Roles('team-manager', 'admin')
  @ApiCreatedResponse({ type: PanelView })
  async create(@CurrentActor() actor: Actor, @Body() body: CreatePanelDto): Promise<PanelView> {
    return PanelView.of(await this.panels.create(actor, body));
  }

  /** Any member of staff: the panel calendar, sittings from `from` to `to` (at most a year), soonest first. */
  @Get()
  @ApiOkResponse({ type: PanelCalendarView })
  async calendar(@Query() query: PanelCalendarQuery): Promise<PanelCalendarView> {
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (to <= from || to.getTime() - from.getTime() > 366 * 86_400_000) throw new DomainError('invalid-input', 'to must be after from, and at most a year later');
    const panels = await this.repository.between(from, to);
    return { items: panels.map(PanelCalendarEntryView.entry) };
  }

  /** Any member of staff: the panel, its cases and whether their papers are sent, due or late. */
  @Get(':id')
  @ApiOkResponse({ type: PanelAgendaView })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<PanelAgendaView> {
    return PanelAgendaView.agenda(await this.panels.view(id));
  }

  /** A team manager adds a household waiting for panel to the agenda. */
  @Post(':id/cases')
  @HttpCode(200)
  @Roles('team-manager')
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'Repeat the same key to retry safely' })
  @ApiOkResponse({ type: PanelAgendaView, description: 'The panel with its agenda, the case on it' })
  async addCase(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: AddPanelCaseDto, @IdempotencyKey() key: string): Promise<PanelAgendaView> {
    return PanelAgendaView.agenda(await this.panels.addCase(actor, id, body.householdId, key));
  }
}
