import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { AlertsRepository } from '@hearth/persistence';

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsRepository) {}

  /** Team managers: open alerts, oldest first (overdue tasks and breached clocks). */
  @Get()
  @Roles('team-manager', 'admin')
  async list() {
    const alerts = await this.alerts.open(200);
    return { items: alerts.map((alert) => ({ ...alert, raisedAt: alert.raisedAt.toISOString() })) };
  }
}
