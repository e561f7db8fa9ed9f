import { DataSource } from 'typeorm';
import { AlertEntity } from './entities/alert.entity';
import { AuditEventEntity } from './entities/audit-event.entity';
import { CalendarHolidayEntity } from './entities/calendar-holiday.entity';
import { HouseholdEntity } from './entities/household.entity';
import { StaffUserEntity } from './entities/staff-user.entity';
import { TaskSubmissionEntity } from './entities/task-submission.entity';
import { TaskEntity } from './entities/task.entity';
import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';
import { HouseholdMembers1764000000001 } from './migrations/1764000000001-household-members';
import { Panels1764000000002 } from './migrations/1764000000002-panels';
import { CarerRegister1764000000003 } from './migrations/1764000000003-carer-register';
import { TaskAnchorAndNotices1764000000004 } from './migrations/1764000000004-task-anchor-and-notices';
import { CaseKit1764000000005 } from './migrations/1764000000005-case-kit';
import { IdempotencyKeys1764000000006 } from './migrations/1764000000006-idempotency-keys';
import { WorkerHeartbeat1764000000007 } from './migrations/1764000000007-worker-heartbeat';
import { DaysOff1764000000008 } from './migrations/1764000000008-days-off';
import { CalendarChanges1764000000009 } from './migrations/1764000000009-calendar-changes';
import { StaffTeamsAndCaseFiles1764000000010 } from './migrations/1764000000010-staff-teams-and-case-files';
import { PanelIdempotency1764000000011 } from './migrations/1764000000011-panel-idempotency';
import { InboxIndexes1764000000012 } from './migrations/1764000000012-inbox-indexes';
import { AlertEvents1764000000013 } from './migrations/1764000000013-alert-events';
import { StaffPreferences1764000000014 } from './migrations/1764000000014-staff-preferences';
import { ChildJourney1764000000015 } from './migrations/1764000000015-child-journey';
import { ProposalReasons1764000000016 } from './migrations/1764000000016-proposal-reasons';

export const entities = [
  AlertEntity,
  AuditEventEntity,
  CalendarHolidayEntity,
  HouseholdEntity,
  StaffUserEntity,
  TaskEntity,
  TaskSubmissionEntity,
];

export const migrations = [
  InitialSchema1764000000000,
  HouseholdMembers1764000000001,
  Panels1764000000002,
  CarerRegister1764000000003,
  TaskAnchorAndNotices1764000000004,
  CaseKit1764000000005,
  IdempotencyKeys1764000000006,
  WorkerHeartbeat1764000000007,
  DaysOff1764000000008,
  CalendarChanges1764000000009,
  StaffTeamsAndCaseFiles1764000000010,
  PanelIdempotency1764000000011,
  InboxIndexes1764000000012,
  AlertEvents1764000000013,
  StaffPreferences1764000000014,
  ChildJourney1764000000015,
  ProposalReasons1764000000016,
];

/** The one way Hearth connects to PostgreSQL. The schema changes only through migrations. */
export function createDataSource(url: string, options: { poolSize?: number; applicationName?: string } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? 'hearth',
    // TypeORM's error log prints query parameters, which hold personal data: never log queries.
    logging: false,
  });
}

/** Applies pending migrations; returns the names of those applied. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = await createDataSource(url, { poolSize: 1, applicationName: 'hearth-migrate' }).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
