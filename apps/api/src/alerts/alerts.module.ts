import { Module } from '@nestjs/common';
import { AlertEvents } from './alert-events';
import { AlertsController } from './alerts.controller';

@Module({ controllers: [AlertsController], providers: [AlertEvents] })
export class AlertsModule {}
