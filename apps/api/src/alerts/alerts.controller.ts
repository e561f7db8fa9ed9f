import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Actor, ALERT_KINDS, AlertKind } from '@hearth/domain';
import { AlertsRepository } from '@hearth/persistence';
import { IsIn, IsOptional } from 'class-validator';
import { CurrentActor } from '../auth/auth.decorators';

const SEES_EVERY_ALERT = ['team-manager', 'admin'];

export class AlertsQueryDto {
  @ApiPropertyOptional({ enum: ALERT_KINDS }) @IsOptional() @IsIn(ALERT_KINDS) kind?: AlertKind;
}

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsRepository) {}

  /**
   * Open alerts, oldest first: team managers see every one (overdue tasks, escalations, breached
   * statutory clocks); other staff see the reminders addressed to them or their role.
   */
  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: AlertsQueryDto) {
    const seesAll = actor.roles.some((role) => SEES_EVERY_ALERT.includes(role));
    const alerts = await this.alerts.open(200, { kind: query.kind, addressedTo: seesAll ? undefined : actor });
    return { items: alerts.map((alert) => ({ ...alert, raisedAt: alert.raisedAt.toISOString() })) };
  }
}
