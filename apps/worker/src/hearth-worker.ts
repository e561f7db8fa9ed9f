import { NativeConnection, Worker } from '@temporalio/worker';
import {
  AlertsRepository,
  CalendarChangesRepository,
  CalendarHolidaysRepository,
  CarerRegisterRepository,
  CaseFilesRepository,
  ChildrenRepository,
  createDataSource,
  HouseholdMembersRepository,
  HouseholdsRepository,
  PanelsRepository,
  PlacementsRepository,
  TaskSubmissionsRepository,
  TasksRepository,
  WorkerHeartbeatsRepository,
} from '@hearth/persistence';
import { TemporalConfig, workflowBundlerOptions, workflowsPath } from '@hearth/temporal';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import type { CalendarActivities, CaseActivities, ChildJourneyActivities, HouseholdActivities, PanelActivities, TaskActivities } from '@hearth/workflows/contracts/activities.contract';
import { Client } from '@temporalio/client';
import { createCalendarActivities } from './activities/calendar.activities';
import { createCaseActivities } from './activities/case.activities';
import { createChildJourneyActivities } from './activities/child-journey.activities';
import { createHouseholdActivities } from './activities/household.activities';
import { createPanelActivities } from './activities/panel.activities';
import { Deadlines } from './activities/deadlines';
import { createTaskActivities } from './activities/task.activities';

export interface HearthWorkerOptions {
  databaseUrl: string;
  temporal: TemporalConfig;
  /** A prebuilt workflow bundle; without it the worker bundles workflows/ at start (~2 s). */
  workflowBundlePath?: string;
  /** How often the worker marks itself alive for /health (default 5 s). */
  heartbeatMs?: number;
}

export interface RunningWorker {
  worker: Worker;
  dataSource: DataSource;
  connection: NativeConnection;
  /** Resolves when the worker has stopped; rejects if it failed. */
  done: Promise<void>;
  stop(): Promise<void>;
}

/** Every activity a Hearth workflow calls: the ports in workflows/contracts, implemented over PostgreSQL. */
export type HearthActivities = TaskActivities & CaseActivities & PanelActivities & HouseholdActivities & CalendarActivities & ChildJourneyActivities;

/** The activities over a database connection (and a Temporal client, for signalling cases), as one object for Worker.create. */
export function createActivities(dataSource: DataSource, client: Client): HearthActivities {
  const deadlines = new Deadlines(new CalendarHolidaysRepository(dataSource));
  const tasks = new TasksRepository(dataSource);
  const submissions = new TaskSubmissionsRepository(dataSource);
  return {
    ...createCalendarActivities({ changes: new CalendarChangesRepository(dataSource), tasks, deadlines, client }),
    ...createTaskActivities({ tasks, deadlines }),
    ...createCaseActivities({ alerts: new AlertsRepository(dataSource), deadlines }),
    ...createPanelActivities({ panels: new PanelsRepository(dataSource), deadlines }),
    ...createHouseholdActivities({
      households: new HouseholdsRepository(dataSource),
      members: new HouseholdMembersRepository(dataSource),
      register: new CarerRegisterRepository(dataSource),
      submissions,
      caseFiles: new CaseFilesRepository(dataSource),
    }),
    ...createChildJourneyActivities({ children: new ChildrenRepository(dataSource), placements: new PlacementsRepository(dataSource), submissions }),
  };
}

/** Connects to PostgreSQL and Temporal and starts polling Hearth's task queue. */
export async function startHearthWorker(options: HearthWorkerOptions): Promise<RunningWorker> {
  const dataSource = await createDataSource(options.databaseUrl, { applicationName: 'hearth-worker' }).initialize();
  const connection = await NativeConnection.connect({ address: options.temporal.address });
  const worker = await Worker.create({
    connection,
    namespace: options.temporal.namespace,
    taskQueue: options.temporal.taskQueue,
    activities: createActivities(dataSource, new Client({ connection, namespace: options.temporal.namespace })),
    ...(options.workflowBundlePath
      ? { workflowBundle: { codePath: options.workflowBundlePath } }
      : { workflowsPath, bundlerOptions: workflowBundlerOptions }),
  });
  // Alive while its event loop turns: a dead or frozen worker stops marking, and /health says so.
  const heartbeats = new WorkerHeartbeatsRepository(dataSource);
  const identity = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const beat = () => heartbeats.beat(identity, options.temporal.taskQueue).catch(() => undefined);
  await beat();
  const timer = setInterval(beat, options.heartbeatMs ?? 5_000);
  const done = worker.run().finally(async () => {
    clearInterval(timer);
    await heartbeats.forget(identity).catch(() => undefined);
    await connection.close();
    await dataSource.destroy();
  });
  return {
    worker,
    dataSource,
    connection,
    done,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}
