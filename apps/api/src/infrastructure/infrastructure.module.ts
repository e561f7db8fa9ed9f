import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import {
  AlertsRepository,
  AuditTrailRepository,
  CalendarChangesRepository,
  CalendarHolidaysRepository,
  CarerRegisterRepository,
  CaseFilesRepository,
  ChildrenRepository,
  createDataSource,
  DelegationsRepository,
  LoginThrottleRepository,
  PersonalDataReadsRepository,
  TeamsRepository,
  HouseholdMembersRepository,
  HouseholdsRepository,
  IdempotencyKeysRepository,
  PanelsRepository,
  PlacementsRepository,
  StaffUsersRepository,
  TaskSubmissionsRepository,
  TasksRepository,
  WorkerHeartbeatsRepository,
} from '@hearth/persistence';
import { createTemporalClient, createTemporalConnection } from '@hearth/temporal';
import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { API_CONFIG, ApiConfig } from '../config/api-config';

const repositories = [
  AlertsRepository,
  CaseFilesRepository,
  ChildrenRepository,
  PlacementsRepository,
  DelegationsRepository,
  LoginThrottleRepository,
  PersonalDataReadsRepository,
  TeamsRepository,
  AuditTrailRepository,
  CalendarChangesRepository,
  CalendarHolidaysRepository,
  CarerRegisterRepository,
  HouseholdMembersRepository,
  HouseholdsRepository,
  IdempotencyKeysRepository,
  PanelsRepository,
  StaffUsersRepository,
  TaskSubmissionsRepository,
  TasksRepository,
  WorkerHeartbeatsRepository,
];

/** PostgreSQL, the repositories over it, and the Temporal client, shared by every feature. */
@Global()
@Module({})
export class InfrastructureModule implements OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Connection) private readonly temporal: Connection,
  ) {}

  static forRoot(config: ApiConfig): DynamicModule {
    const providers = [
      { provide: API_CONFIG, useValue: config },
      {
        provide: DataSource,
        useFactory: () => createDataSource(config.databaseUrl, { applicationName: 'hearth-api' }).initialize(),
      },
      { provide: Connection, useFactory: () => createTemporalConnection(config.temporal) },
      { provide: Client, useFactory: (connection: Connection) => createTemporalClient(connection, config.temporal), inject: [Connection] },
      ...repositories.map((repository) => ({
        provide: repository,
        useFactory: (dataSource: DataSource) => new repository(dataSource),
        inject: [DataSource],
      })),
    ];
    return { module: InfrastructureModule, providers, exports: providers.map((p) => p.provide) };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.temporal.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
