import { INestApplication } from '@nestjs/common';
import { LOGIN_THROTTLE, STAFF_ROLES, StaffRole } from '@hearth/domain';
import { createDataSource, StaffUsersRepository, TeamsRepository } from '@hearth/persistence';
import { createTemporalClient, createTemporalConnection, TemporalConfig } from '@hearth/temporal';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, Runtime, DefaultLogger } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { hashPassword } from '../../apps/api/src/auth/password';
import { ApiConfig } from '../../apps/api/src/config/api-config';
import { createApi } from '../../apps/api/src/create-api';
import { JsonLogger } from '../../apps/api/src/common/json-logger';
import { RunningWorker, startHearthWorker } from '../../apps/worker/src/hearth-worker';
import { workflowBundlerOptions, workflowsPath } from '@hearth/temporal';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEST_PASSWORD = 'correct horse battery staple';

let workflowBundlePath: Promise<string> | undefined;
let runtimeInstalled = false;

/** One workflow bundle per test file, shared by every worker that file starts. */
export function bundledWorkflows(): Promise<string> {
  workflowBundlePath ??= bundleWorkflowCode({ workflowsPath, ...workflowBundlerOptions, logger: new DefaultLogger('WARN') }).then(({ code }) => {
    const path = join(mkdtempSync(join(tmpdir(), 'hearth-bundle-')), 'workflows.js');
    writeFileSync(path, code);
    return path;
  });
  return workflowBundlePath;
}

export interface Harness {
  app: INestApplication;
  http: ReturnType<typeof request>;
  baseUrl: string;
  client: Client;
  dataSource: DataSource;
  temporal: TemporalConfig;
  /** Demo users of this harness, one per role, with ids. */
  users: Record<StaffRole, { id: string; username: string }>;
  login(role: StaffRole | { username: string }): Promise<string>;
  /** Another member of staff holding `role` (and any other roles given). */
  addStaff(role: StaffRole, ...more: StaffRole[]): Promise<{ id: string; username: string }>;
  /** A member of staff in another team (made with addTeam). */
  addStaffInTeam(teamId: string, ...roles: StaffRole[]): Promise<{ id: string; username: string }>;
  addTeam(name?: string): Promise<string>;
  /** The team every member of staff made by the harness belongs to. */
  teamId: string;
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The API over real HTTP and a worker on a task queue of its own, against the PostgreSQL and
 * Temporal server that `npm test` started. Users are named `<role>-<suffix>` so test files
 * running side by side never collide.
 */
export async function startHearth(overrides: Partial<ApiConfig> = {}, workerOptions: { heartbeatMs?: number } = {}): Promise<Harness> {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
    runtimeInstalled = true;
  }
  const databaseUrl = overrides.databaseUrl ?? process.env.DATABASE_URL!;
  const temporal: TemporalConfig = overrides.temporal ?? { address: process.env.TEMPORAL_ADDRESS!, namespace: 'default', taskQueue: `test-${randomUUID()}` };
  const config: ApiConfig = {
    port: 0,
    databaseUrl,
    temporal,
    jwtSecret: randomUUID(),
    tokenTtlSeconds: 600,
    rulePackId: 'krg',
    updateTimeoutMs: 5000,
    workerStaleMs: 20_000,
    webAppDir: join(process.cwd(), 'dist', 'web'),
    // Every test logs in from 127.0.0.1: only the per-user lock is the default's.
    loginThrottle: { perUser: LOGIN_THROTTLE.perUser, perAddress: { ...LOGIN_THROTTLE.perAddress, failures: 10_000 } },
    ...overrides,
  };
  const dataSource = await createDataSource(databaseUrl, { poolSize: 4, applicationName: 'hearth-test' }).initialize();
  const staff = new StaffUsersRepository(dataSource);
  const suffix = randomUUID().slice(0, 8);
  const hash = await hashPassword(TEST_PASSWORD);
  const users = {} as Harness['users'];
  const teams = new TeamsRepository(dataSource);
  const addTeam = async (name = `Test team ${randomUUID().slice(0, 8)}`) => (await teams.ensure(name, null)).team.id;
  // Every member of staff the harness makes is in one team, unless a test says otherwise.
  const teamId = await addTeam();
  const addNamedStaff = async (username: string, roles: StaffRole[], inTeam: string | null = teamId) => {
    const { id } = await staff.ensure({ username, displayName: `Test ${roles.join(' and ')} ${username.slice(-8)}`, roles, teamId: inTeam }, hash, false);
    return { id, username };
  };
  const addStaff = (role: StaffRole, ...more: StaffRole[]) => addNamedStaff(`${role}-${randomUUID().slice(0, 8)}`, [role, ...more]);
  const addStaffInTeam = (inTeam: string, ...roles: StaffRole[]) => addNamedStaff(`${roles[0]}-${randomUUID().slice(0, 8)}`, roles, inTeam);
  for (const role of STAFF_ROLES) users[role] = await addNamedStaff(`${role}-${suffix}`, [role]);

  const app: INestApplication = await createApi(config, new JsonLogger('error'));
  await app.listen(0, '127.0.0.1');
  const baseUrl = await app.getUrl();
  const connection: Connection = createTemporalConnection(temporal);
  const client = createTemporalClient(connection, temporal);
  let worker: RunningWorker | undefined;
  const bundle = await bundledWorkflows();

  const harness: Harness = {
    app,
    http: request(baseUrl),
    baseUrl,
    client,
    dataSource,
    temporal,
    users,
    async login(who) {
      const username = typeof who === 'string' ? users[who].username : who.username;
      const response = await request(baseUrl).post('/auth/login').send({ username, password: TEST_PASSWORD }).expect(200);
      return response.body.accessToken as string;
    },
    addStaff,
    addStaffInTeam,
    addTeam,
    teamId,
    async startWorker() {
      worker = await startHearthWorker({ databaseUrl, temporal, workflowBundlePath: bundle, ...workerOptions });
    },
    async stopWorker() {
      await worker?.stop();
      worker = undefined;
    },
    async close() {
      await harness.stopWorker();
      await app.close();
      // Let the client's own gRPC retries of calls that timed out settle before the channel closes.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await connection.close();
      await dataSource.destroy();
    },
  };
  await harness.startWorker();
  return harness;
}

/** Polls until `probe` returns a value that is not undefined, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
