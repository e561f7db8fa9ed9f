import { hashPassword } from '../apps/api/src/auth/password';
import { createDataSource, StaffUsersRepository, TasksRepository } from '@hearth/persistence';
import { createTemporalClient, createTemporalConnection, TemporalConfig } from '@hearth/temporal';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { healthy, sleep, startApp, stopApp, timed, writeResult } from './hearth-processes';
import { bareUpdate, bareUpdateWorkflow } from './workflows/bare-update.workflow';
import { LatencySummary, summarise } from './stats';

// `npm run bench:complete`: task completion over HTTP (auth, validation, PostgreSQL checks, the
// Update and its local activity, the response) beside its bare twin, a client executeUpdate on a
// workflow whose handler only sets a field, on the same Temporal server, interleaved at a fixed
// arrival rate, warm-up discarded. The API and the worker run as their own processes, as they do
// in production; the bare twin's worker runs in this process.
const RATE_PER_SECOND = Number(process.env.BENCH_RATE ?? 10);
const MEASURED = Number(process.env.BENCH_COMPLETIONS ?? 300);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 30);
const TARGET = { ratioP50: 1.5, p99Ms: 250 };

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const databaseUrl = process.env.DATABASE_URL!;
  const total = MEASURED + WARM_UP;
  const temporal: TemporalConfig = { address: process.env.TEMPORAL_ADDRESS!, namespace: 'default', taskQueue: `bench-${randomUUID()}` };
  const bareQueue = `${temporal.taskQueue}-bare`;

  const dataSource = await createDataSource(databaseUrl, { poolSize: 2 }).initialize();
  const password = randomUUID();
  const staff = new StaffUsersRepository(dataSource);
  const caseworker = await staff.ensure({ username: `bench-caseworker-${randomUUID().slice(0, 8)}`, displayName: 'Bench caseworker', roles: ['caseworker'] }, await hashPassword(password), false);
  const username = (await staff.findById(caseworker.id))!.username;

  const port = 30000 + Math.floor(Math.random() * 20000);
  const appEnv = { ...process.env, TEMPORAL_TASK_QUEUE: temporal.taskQueue, PORT: String(port), HEARTH_JWT_SECRET: randomUUID(), HEARTH_UPDATE_TIMEOUT_MS: '10000' };
  const hearthWorker = startApp('worker', appEnv);
  const api = startApp('api', appEnv);
  const baseUrl = `http://127.0.0.1:${port}`;
  await healthy(baseUrl);
  const bareConnection = await NativeConnection.connect({ address: temporal.address });
  const bareWorker = await Worker.create({ connection: bareConnection, taskQueue: bareQueue, workflowsPath: resolve(__dirname, 'workflows') });
  const bareRun = bareWorker.run();
  const connection = createTemporalConnection(temporal);
  const client = createTemporalClient(connection, temporal);

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a benchmark client reading known JSON shapes
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}): Promise<any> => {
    const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const { accessToken } = await post('/auth/login', { username, password });
  const auth = { authorization: `Bearer ${accessToken}` };

  console.log(`Preparing ${total} open tasks and ${total} bare workflows...`);
  const tasks = new TasksRepository(dataSource);
  const caseRefs: string[] = [];
  for (let i = 0; i < total; i++) {
    const household = await post('/households', { primaryContactName: 'Bench', preferredLanguage: 'en' }, auth);
    caseRefs.push(household.caseRef);
  }
  const taskIds: string[] = [];
  for (const caseRef of caseRefs) {
    for (;;) {
      const [task] = await tasks.list({ caseRef, status: 'open', limit: 1 });
      if (task) {
        taskIds.push(task.id);
        break;
      }
      await sleep(20);
    }
  }
  const bareHandles = await Promise.all(
    Array.from({ length: total }, () => client.workflow.start(bareUpdateWorkflow, { taskQueue: bareQueue, workflowId: `bench-bare-${randomUUID()}` })),
  );

  console.log(`Measuring ${MEASURED} of each (after ${WARM_UP} warm-up) at ${RATE_PER_SECOND} completions a second, interleaved...`);
  const hearthSamples: number[] = [];
  const bareSamples: number[] = [];
  const interval = 1000 / RATE_PER_SECOND;
  const inFlight: Promise<void>[] = [];
  const started = Date.now();
  for (let i = 0; i < total; i++) {
    await sleep(Math.max(0, started + i * interval - Date.now()));
    const measured = i >= WARM_UP;
    const complete = () =>
      post(`/tasks/${taskIds[i]}/complete`, { outcome: 'visit-arranged', data: { contactMadeBy: 'phone', visitBooked: true } }, { ...auth, 'Idempotency-Key': `bench-${taskIds[i]}` });
    const bare = () => bareHandles[i].executeUpdate(bareUpdate, { args: [`value-${i}`] });
    // Alternate which twin goes first so neither always meets the other's load.
    const order = i % 2 === 0 ? [complete, bare] : [bare, complete];
    inFlight.push(
      (async () => {
        for (const run of order) {
          const ms = await timed(run);
          if (measured) (run === complete ? hearthSamples : bareSamples).push(ms);
        }
      })(),
    );
  }
  await Promise.all(inFlight);

  const hearth: LatencySummary = summarise(hearthSamples);
  const bareTwin: LatencySummary = summarise(bareSamples);
  const ratio = { p50: hearth.p50 / bareTwin.p50, p95: hearth.p95 / bareTwin.p95, p99: hearth.p99 / bareTwin.p99 };
  const result = {
    benchmark: 'complete',
    at: new Date().toISOString(),
    ratePerSecond: RATE_PER_SECOND,
    warmUp: WARM_UP,
    hearthHttpCompletion: hearth,
    bareExecuteUpdate: bareTwin,
    ratio: Object.fromEntries(Object.entries(ratio).map(([k, v]) => [k, Math.round(v * 100) / 100])),
    target: TARGET,
    meetsTarget: ratio.p50 <= TARGET.ratioP50 && hearth.p99 <= TARGET.p99Ms,
  };
  const file = writeResult('complete', result);
  console.table({ 'HTTP completion': hearth, 'bare executeUpdate': bareTwin });
  console.log(`ratio p50 ${result.ratio.p50}, p95 ${result.ratio.p95}, p99 ${result.ratio.p99}; target p50 ratio <= ${TARGET.ratioP50} and p99 <= ${TARGET.p99Ms} ms: ${result.meetsTarget ? 'met' : 'NOT met'}`);
  console.log(`written to ${file}`);

  await Promise.all(bareHandles.map((handle) => handle.executeUpdate(bareUpdate, { args: ['stop'] })));
  await stopApp(api);
  await stopApp(hearthWorker);
  bareWorker.shutdown();
  await bareRun;
  await bareConnection.close();
  await connection.close();
  await dataSource.destroy();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
