import { DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyInterceptor } from './common/idempotency.interceptor';
import { AccessModule } from './access/access.module';
import { AlertsModule } from './alerts/alerts.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CasesModule } from './cases/cases.module';
import { ChildrenModule } from './children/children.module';
import { FormsModule } from './forms/forms.module';
import { ApiConfig } from './config/api-config';
import { HealthController } from './health/health.controller';
import { HouseholdsModule } from './households/households.module';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { PanelsModule } from './panels/panels.module';
import { RegisterController } from './register/register.controller';
import { StaffModule } from './staff/staff.module';
import { TasksModule } from './tasks/tasks.module';

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [InfrastructureModule.forRoot(config), AuthModule.forRoot(config), AccessModule, TasksModule, StaffModule, HouseholdsModule, ChildrenModule, PanelsModule, CalendarModule, CasesModule, FormsModule, AlertsModule],
      controllers: [HealthController, RegisterController],
      // After the auth guard (the key belongs to the actor), before validation.
      providers: [{ provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }],
    };
  }
}
