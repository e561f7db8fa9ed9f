import { caseRef, krgPack, localDateOf, rulePackInForceAt } from '@hearth/domain';
import { createDataSource, StaffUsersRepository } from '@hearth/persistence';
import { createTemporalClient, createTemporalConnection, TemporalConfig } from '@hearth/temporal';
import { Client } from '@temporalio/client';
import { deadlinesChangedSignal, openTasksQuery } from '@hearth/workflows/contracts/human-task.contract';
import type { HouseholdWorkflowInput } from '@hearth/workflows/contracts/household.contract';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashPassword } from '../apps/api/src/auth/password';
import { healthy, sleep, startApp, stopApp, timed, writeResult } from './hearth-processes';

// `npm run bench:calendar`: an admin declares a day off over CASES open cases (10 000 by default).
// Measured: how long the request takes to answer (goal <= 1 s) and how long until every affected
// deadline has moved (goal <= 60 s), beside the bare twin in the same run: the same cases told by
// signals sent straight from here, after another day off is written to the table directly.
const CASES = Number(process.env.BENCH_CASES ?? 10_000);
const TARGET = { responseMs: 1_000, allMovedMs: 60_000 };
const PARALLEL = 32;

/** Runs `task(i)` for i < count with `parallel` at a time. */
async function pool(count: number, parallel: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    for (let i = next++; i < count; i = next++) await task(i);
  }));
}

/** Open respond-to-enquiry tasks of the bench's cases due after `instant`. */
async function dueAfter(dataSource: DataSource, prefix: string, instant: Date): Promise<number> {
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM task WHERE status = 'open' AND case_ref LIKE $1 AND due_at > $2`, [`${prefix}%`, instant]);
  return count;
}

/**
 * Until every affected deadline has moved: in PostgreSQL (what staff read), and in each case's
 * running timer (the workflow's own open-task schedule, asked of each case once PostgreSQL agrees).
 */
async function untilAllMoved(dataSource: DataSource, client: Client, ids: string[], prefix: string, past: Date, startedAt: number): Promise<{ rowsMs: number; timersMs: number }> {
  const giveUp = () => {
    if (Date.now() - startedAt > 10 * 60_000) throw new Error('deadlines did not all move within 10 minutes');
  };
  while ((await dueAfter(dataSource, prefix, past)) < CASES) {
    giveUp();
    await sleep(250);
  }
  const rowsMs = Date.now() - startedAt;
  await pool(CASES, PARALLEL, async (i) => {
    const handle = client.workflow.getHandle(caseRef('household', ids[i]));
    for (;;) {
      const [task] = await handle.query(openTasksQuery);
      if (task && Date.parse(task.dueAt) > past.getTime()) return;
      giveUp();
      await sleep(200);
    }
  });
  return { rowsMs, timersMs: Date.now() - startedAt };
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL!;
  const temporal: TemporalConfig = { address: process.env.TEMPORAL_ADDRESS!, namespace: 'default', taskQueue: `bench-${randomUUID()}` };
  const dataSource = await createDataSource(databaseUrl, { poolSize: 4 }).initialize();
  const password = randomUUID();
  const staff = new StaffUsersRepository(dataSource);
  const admin = await staff.ensure({ username: `bench-admin-${randomUUID().slice(0, 8)}`, displayName: 'Bench admin', roles: ['admin'] }, await hashPassword(password), false);
  const creator = admin.id;

  const port = 30000 + Math.floor(Math.random() * 20000);
  const appEnv = { ...process.env, TEMPORAL_TASK_QUEUE: temporal.taskQueue, PORT: String(port), HEARTH_JWT_SECRET: randomUUID() };
  const worker = startApp('worker', appEnv);
  const api = startApp('api', appEnv);
  const baseUrl = `http://127.0.0.1:${port}`;
  await healthy(baseUrl);
  const connection = createTemporalConnection(temporal);
  const client: Client = createTemporalClient(connection, temporal);

  // The cases: households recorded in one statement, their workflows started straight on Temporal.
  const pack = rulePackInForceAt('krg', new Date());
  const ids: string[] = Array.from({ length: CASES }, () => randomUUID());
  const prefix = caseRef('household', '');
  console.log(`Preparing ${CASES} households, each with its "respond to enquiry" task open...`);
  const prepared = await timed(async () => {
    await dataSource.query(
      `INSERT INTO household (id, stage, rule_pack_id, rule_pack_version, primary_contact_name, preferred_language, created_by, workflow_started_at)
       SELECT unnest($1::uuid[]), 'enquiry', $2, $3, 'Bench', 'ckb', $4, now()`,
      [ids, pack.id, pack.version, creator],
    );
    await pool(CASES, PARALLEL, (i) => {
      const input: HouseholdWorkflowInput = { householdId: ids[i], rulePackId: pack.id, rulePackVersion: pack.version };
      return client.workflow.start('householdWorkflow', { workflowId: caseRef('household', ids[i]), taskQueue: temporal.taskQueue, args: [input] });
    });
    for (;;) {
      const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM task WHERE status = 'open' AND case_ref LIKE $1`, [`${prefix}%`]);
      if (count >= CASES) break;
      await sleep(500);
    }
  });
  console.log(`Prepared in ${Math.round(prepared / 1000)} s.`);
  // Every task was opened today and is due two working days on; a day off on its due date moves it a day.
  const [{ latest }] = await dataSource.query(`SELECT max(due_at) AS latest FROM task WHERE case_ref LIKE $1`, [`${prefix}%`]);
  const dueDay = localDateOf(latest, krgPack.timeZone);

  const login = await fetch(`${baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: (await staff.findById(admin.id))!.username, password }) });
  const { accessToken } = (await login.json()) as { accessToken: string };
  console.log(`Declaring ${dueDay} a day off over the API...`);
  const declaredAt = Date.now();
  const response = await fetch(`${baseUrl}/calendar/closures`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ date: dueDay, name: 'Bench closure', jurisdiction: krgPack.jurisdiction }),
  });
  const responseMs = Date.now() - declaredAt;
  if (response.status !== 202) throw new Error(`declaring the day off: ${response.status} ${await response.text()}`);
  const hearthMoved = await untilAllMoved(dataSource, client, ids, prefix, latest, declaredAt);
  const [{ movedTo }] = await dataSource.query(`SELECT max(due_at) AS "movedTo" FROM task WHERE case_ref LIKE $1`, [`${prefix}%`]);

  console.log('The bare twin: another day off written to the table, then a signal to each case straight from here...');
  const twinDay = localDateOf(movedTo, krgPack.timeZone);
  await dataSource.query(`INSERT INTO calendar_holiday (jurisdiction, date, name, kind) VALUES ($1, $2, 'Bench twin', 'closure')`, [krgPack.jurisdiction, twinDay]);
  const twinStarted = Date.now();
  await pool(CASES, PARALLEL, (i) => client.workflow.getHandle(caseRef('household', ids[i])).signal(deadlinesChangedSignal));
  const bareSignalledMs = Date.now() - twinStarted;
  const bareMoved = await untilAllMoved(dataSource, client, ids, prefix, movedTo, twinStarted);

  const result = {
    benchmark: 'calendar',
    at: new Date().toISOString(),
    cases: CASES,
    hearth: { responseMs, rowsMovedMs: hearthMoved.rowsMs, allMovedMs: hearthMoved.timersMs },
    bare: { signalledMs: bareSignalledMs, rowsMovedMs: bareMoved.rowsMs, allMovedMs: bareMoved.timersMs },
    ratio: { allMoved: Math.round((hearthMoved.timersMs / bareMoved.timersMs) * 100) / 100 },
    target: TARGET,
    meetsTarget: responseMs <= TARGET.responseMs && hearthMoved.timersMs <= TARGET.allMovedMs,
  };
  const file = writeResult('calendar', result);
  console.table({ hearth: result.hearth, bare: result.bare });
  const seconds = (ms: number) => Math.round(ms / 100) / 10;
  console.log(
    `response ${responseMs} ms (goal <= ${TARGET.responseMs}); every deadline moved after ${seconds(hearthMoved.timersMs)} s (rows ${seconds(hearthMoved.rowsMs)} s; goal <= ${TARGET.allMovedMs / 1000} s); ` +
      `bare twin ${seconds(bareMoved.timersMs)} s; ratio ${result.ratio.allMoved}: ${result.meetsTarget ? 'met' : 'NOT met'}`,
  );
  console.log(`written to ${file}`);

  await pool(CASES, PARALLEL, (i) => client.workflow.getHandle(caseRef('household', ids[i])).terminate('benchmark over'));
  await stopApp(api);
  await stopApp(worker);
  await connection.close();
  await dataSource.destroy();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
