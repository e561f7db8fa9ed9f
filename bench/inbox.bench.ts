import { rulePackInForceAt, StaffRole } from '@hearth/domain';
import {
  CaseFilesRepository,
  HouseholdMembersRepository,
  HouseholdsRepository,
  PersonalDataReadsRepository,
  StaffUsersRepository,
  TaskListQuery,
  TasksRepository,
} from '@hearth/persistence';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { hashPassword } from '../apps/api/src/auth/password';
import { BenchStaff, loadInbox, openByRole } from './inbox-data';
import { sleep, startApp, stopApp, writeResult } from './hearth-processes';
import { LatencySummary, summarise } from './stats';

// `npm run bench:inbox`: the work lists of GET /tasks and the household search of GET /households
// over a task table of 5 million rows (500 000 open) and 200 000 households, at 32 concurrent
// requests. Every page (the first, and a deep one reached by following nextCursor) is measured over
// HTTP beside its bare twin in the same run: the best single SQL statement for the same page, with
// the same joins (case number and name, holder's name, the member a task is about), sent straight
// over pg from a pool of 32, then both again one request at a time (the cost of a page without
// queueing; at 32 concurrent in a closed loop, latency is 32 / throughput). Goals: every inbox
// page p95 <= 15 ms and <= raw p95 + 3 ms; the household search p95 <= 50 ms. BENCH_TASKS and
// BENCH_HOUSEHOLDS scale it down for a quick run; BENCH_REQUESTS, BENCH_SERIAL_REQUESTS and
// BENCH_MAX_SECONDS bound each measurement.
const TASKS = Number(process.env.BENCH_TASKS ?? 5_000_000);
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 200_000);
const SCALE = {
  tasks: TASKS,
  openShare: 0.1,
  households: HOUSEHOLDS,
  teams: Number(process.env.BENCH_TEAMS ?? 20),
  caseworkersPerTeam: 20,
  assessorsPerTeam: 5,
};
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 500);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 50);
const CONCURRENCY = 32;
/** Also measured one at a time (no queueing): what a page costs on its own. */
const SERIAL_REQUESTS = Number(process.env.BENCH_SERIAL_REQUESTS ?? 100);
/** A measurement stops after this long once it has its minimum of samples, so a page taking a second cannot hold the run for an hour. */
const MAX_MS = Number(process.env.BENCH_MAX_SECONDS ?? 30) * 1000;
const PAGE_SIZE = 20;
/** The deep page: reached by following nextCursor from the first (or the last page, when there are fewer). */
const DEEP_PAGE = 10;
const TARGET = { inboxP95Ms: 15, inboxOverRawP95Ms: 3, searchP95Ms: 50 };
/** Plans printed for pages whose repository query alone takes longer than this. */
const SLOW_QUERY_MS = 2;

type Params = Record<string, string>;
interface Scenario {
  name: string;
  user: string;
  params: Params;
}
interface Page {
  cursor: string | null;
  after?: { dueAt: Date; id: string };
  ids: string[];
}
interface Measured {
  summary: LatencySummary;
  perSecond: number;
  serial: LatencySummary;
}
interface Plan {
  executionMs: number;
  planningMs: number;
  text: string;
}

// ---------------------------------------------------------------------------------------------
// HTTP, kept alive, CONCURRENCY sockets: what a browser fleet behind one proxy looks like.

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 });

function httpGet(port: number, path: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Runs `call` up to `count` times, `parallel` at a time (a closed loop: each caller sends its next
 * request when the last is answered); returns each call's milliseconds and the rate.
 */
async function closedLoop(
  count: number,
  parallel: number,
  call: () => Promise<void>,
  bound: { minSamples: number; maxMs: number },
): Promise<{ samples: number[]; perSecond: number }> {
  const samples: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  const elapsedMs = () => Number(process.hrtime.bigint() - started) / 1e6;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let i = next++; i < count && (i < bound.minSamples || elapsedMs() < bound.maxMs); i = next++) {
        const t0 = process.hrtime.bigint();
        await call();
        samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  return { samples, perSecond: Math.round((samples.length * 1000) / elapsedMs()) };
}

async function measure(call: () => Promise<void>): Promise<Measured> {
  await closedLoop(WARM_UP, CONCURRENCY, call, { minSamples: CONCURRENCY, maxMs: MAX_MS / 3 });
  const { samples, perSecond } = await closedLoop(REQUESTS, CONCURRENCY, call, { minSamples: 2 * CONCURRENCY, maxMs: MAX_MS });
  const serial = await closedLoop(SERIAL_REQUESTS, 1, call, { minSamples: 20, maxMs: MAX_MS });
  return { summary: summarise(samples), perSecond, serial: summarise(serial.samples) };
}

// ---------------------------------------------------------------------------------------------
// The same page three ways: the API's query string, the repository's query (as TasksService.list
// builds it), and the bare twin's single statement.

const DAY_MS = 86_400_000;

/** TasksService.list's filter, for these query parameters (caseNumber already resolved to its case). */
function listQuery(actor: BenchStaff, params: Params, caseRefOfNumber: ReadonlyMap<string, string>, after?: { dueAt: Date; id: string }): TaskListQuery {
  const now = new Date();
  const overdue = params.overdue === 'true';
  const filter: TaskListQuery = {
    status: 'open',
    candidateRoles: params.role ? [params.role] : undefined,
    type: params.type,
    dueBefore: overdue ? now : params.dueWithinDays !== undefined ? new Date(now.getTime() + Number(params.dueWithinDays) * DAY_MS) : undefined,
    after,
    limit: PAGE_SIZE + 1,
  };
  const caseRef = params.caseNumber ? caseRefOfNumber.get(params.caseNumber) : params.caseRef;
  if (caseRef) filter.caseRef = caseRef;
  else if (params.team === 'mine') filter.teamId = actor.teamId!;
  else if (params.assignedTo && params.assignedTo !== actor.id) filter.assigneeId = params.assignedTo;
  else if (params.assignedToMe === 'true' || params.assignedTo) filter.assigneeId = actor.id;
  else filter.actableBy = { userId: actor.id, roles: actor.roles, teamId: actor.teamId };
  return filter;
}

/** The SQL and parameters a repository method sends, caught by a stand-in DataSource that answers nothing. */
async function caught(run: (dataSource: DataSource) => Promise<unknown>): Promise<{ sql: string; values: unknown[] }> {
  let last: { sql: string; values: unknown[] } | undefined;
  const query = async (sql: string, values: unknown[] = []) => {
    if (!sql.includes('set_config')) last = { sql, values };
    return [];
  };
  await run({ query, transaction: (work: (manager: { query: typeof query }) => Promise<unknown>) => work({ query }) } as unknown as DataSource);
  if (!last) throw new Error('the repository sent no query');
  return last;
}

const TEAM_ROLES: readonly StaffRole[] = ['caseworker', 'assessor', 'team-manager'];
const TASK_COLUMNS = `t.id, t.type, t.case_ref, t.candidate_role, t.assignee_id, t.status, t.due_at, t.follow_up_at, t.overdue_since, t.priority, t.form_key,
  t.form_version, t.outcome, t.completed_by, t.completed_at, t.cancel_reason, t.subject_kind, t.subject_id, t.rule_id, t.rule_pack_id, t.rule_pack_version,
  t.created_at, t.updated_at`;

/**
 * The bare twin: one statement for the page and what it shows. Each way into the work list (held by
 * me, offered to each of my roles) walks its own index in due order and stops at the page's end;
 * the page is then joined to its case files, holders and household members.
 */
function rawInboxSql(q: TaskListQuery, caseNumber: string | undefined): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const p = (value: unknown) => `$${values.push(value)}`;
  const common = [`t.status = 'open'`];
  if (q.teamId) common.push(`t.team_id = ${p(q.teamId)}`);
  if (q.assigneeId) common.push(`t.assignee_id = ${p(q.assigneeId)}`);
  if (q.candidateRoles) common.push(`t.candidate_role = ANY(${p(q.candidateRoles)})`);
  if (q.dueBefore) common.push(`t.due_at < ${p(q.dueBefore)}`);
  if (caseNumber) common.push(`t.case_ref = (SELECT case_ref FROM case_file WHERE case_number = ${p(caseNumber)})`);
  else if (q.caseRef) common.push(`t.case_ref = ${p(q.caseRef)}`);
  if (q.type) common.push(`t.type = ${p(q.type)}`);
  if (q.after) common.push(`(t.due_at, t.id) > (${p(q.after.dueAt)}, ${p(q.after.id)})`);
  const limit = p(q.limit);
  const branches: string[][] = [];
  const viewer = q.actableBy;
  if (!viewer) branches.push([]);
  else {
    branches.push([`t.assignee_id = ${p(viewer.userId)}`]);
    for (const role of viewer.roles) {
      if (TEAM_ROLES.includes(role)) {
        if (viewer.teamId) branches.push([`t.assignee_id IS NULL`, `t.candidate_role = ${p(role)}`, `t.team_id = ${p(viewer.teamId)}`]);
      } else branches.push([`t.assignee_id IS NULL`, `t.candidate_role = ${p(role)}`]);
    }
  }
  const selects = branches.map((branch) => `(SELECT ${TASK_COLUMNS} FROM task t WHERE ${[...common, ...branch].join(' AND ')} ORDER BY t.due_at, t.id LIMIT ${limit})`);
  const page = selects.length === 1 ? selects[0] : `(SELECT * FROM (${selects.join(' UNION ALL ')}) u ORDER BY due_at, id LIMIT ${limit})`;
  const text = `SELECT p.*, cf.case_number, cf.display_name AS case_name, s.display_name AS assignee_name, m.full_name AS subject_name
                  FROM ${page} p
                  LEFT JOIN case_file cf ON cf.case_ref = p.case_ref
                  LEFT JOIN staff_user s ON s.id = p.assignee_id
                  LEFT JOIN household_member m ON m.id = CASE WHEN p.subject_kind = 'household-member' THEN p.subject_id::uuid END
                 ORDER BY p.due_at, p.id`;
  return { text, values };
}

function decodeCursor(cursor: string): { dueAt: Date; id: string } {
  const [dueAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
  return { dueAt: new Date(dueAt), id };
}

function query(params: Params): string {
  return new URLSearchParams(params).toString();
}

async function explain(db: Client, sql: string, values: unknown[]): Promise<Plan> {
  const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, values);
  const text = rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n');
  const ms = (label: string) => Number(new RegExp(`${label} Time: ([\\d.]+) ms`).exec(text)?.[1] ?? NaN);
  return { executionMs: ms('Execution'), planningMs: ms('Planning'), text };
}

const round = (n: number) => Math.round(n * 100) / 100;

// ---------------------------------------------------------------------------------------------

/** What every measured page has: the API beside its raw twin, under load and alone, and the query's own time. */
interface MeasuredPage {
  api: LatencySummary;
  raw: LatencySummary;
  ratioP95: number;
  overRawP95: number;
  apiPerSecond: number;
  rawPerSecond: number;
  oneAtATime: { api: LatencySummary; raw: LatencySummary };
  repositoryQuery: { executionMs: number };
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL!;
  const db = new Client({ connectionString: databaseUrl, application_name: 'bench-inbox-load' });
  await db.connect();
  const [{ version }] = (await db.query<{ version: string }>(`SELECT split_part(version(), ' ', 2) AS version`)).rows;
  const password = randomUUID();
  const pack = rulePackInForceAt('krg', new Date());

  console.log(`Loading ${SCALE.tasks} tasks (${SCALE.tasks * SCALE.openShare} open) over ${SCALE.households} households, ${SCALE.teams} teams (PostgreSQL ${version})...`);
  const { staff, ms: loadMs } = await loadInbox(db, SCALE, await hashPassword(password), pack);
  const open = await openByRole(db);
  console.log(`Loaded in ${Math.round(loadMs / 1000)} s. Open tasks by role (held / offered):`);
  console.table(open);
  const member = (username: string): BenchStaff => {
    const found = staff.get(username);
    if (!found) throw new Error(`no bench user ${username}`);
    return found;
  };
  const caseworker = member('cw-1-1');
  // A case of the caseworker's own with the most open tasks, for the case filters; a worker of the team for assignedTo.
  const [busiest] = (
    await db.query<{ case_ref: string; case_number: string }>(
      `SELECT cf.case_ref, cf.case_number FROM case_file cf JOIN task t ON t.case_ref = cf.case_ref AND t.status = 'open'
        WHERE cf.supervising_worker_id = $1 GROUP BY 1, 2 ORDER BY count(*) DESC, 2 LIMIT 1`,
      [caseworker.id],
    )
  ).rows;
  const caseRefOfNumber = new Map([[busiest.case_number, busiest.case_ref]]);

  const port = 30000 + Math.floor(Math.random() * 20000);
  const api = startApp('api', { ...process.env, TEMPORAL_TASK_QUEUE: `bench-${randomUUID()}`, PORT: String(port), HEARTH_JWT_SECRET: randomUUID() });
  const baseUrl = `http://127.0.0.1:${port}`;
  // Reads need PostgreSQL and Temporal reachable; no worker runs here, so /health says degraded (503).
  for (;;) {
    const health = await fetch(`${baseUrl}/health`).then((r) => r.json() as Promise<{ database?: { ok: boolean }; temporal?: { ok: boolean } }>, () => null);
    if (health?.database?.ok && health.temporal?.ok) break;
    await sleep(200);
  }
  const tokens = new Map<string, string>();
  const users = ['cw-1-1', 'as-1-1', 'tm-1', 'pc-1', 'pm-1', 'dm-1', 'no-1', 'ro-1', 'admin-1'];
  for (const username of users) {
    const response = await fetch(`${baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
    tokens.set(username, ((await response.json()) as { accessToken: string }).accessToken);
  }

  // The household search's typo tolerance, as HouseholdsRepository.search sets it per transaction.
  const raw = new Pool({ connectionString: databaseUrl, max: CONCURRENCY, application_name: 'bench-inbox-raw', options: '-c pg_trgm.word_similarity_threshold=0.5' });
  await Promise.all(Array.from({ length: CONCURRENCY }, () => raw.query('SELECT 1')));
  await db.query(`SET pg_trgm.word_similarity_threshold = 0.5`);

  const inbox: Scenario[] = [
    ...users.map((user) => ({ name: `work list: ${member(user).roles.join('+')}`, user, params: {} })),
    { name: 'assignedToMe', user: 'cw-1-1', params: { assignedToMe: 'true' } },
    { name: "assignedTo a team's worker", user: 'tm-1', params: { assignedTo: member('cw-1-2').id } },
    { name: 'team=mine', user: 'cw-1-1', params: { team: 'mine' } },
    { name: 'team=mine', user: 'tm-1', params: { team: 'mine' } },
    { name: 'dueWithinDays=7', user: 'cw-1-1', params: { dueWithinDays: '7' } },
    { name: 'team=mine dueWithinDays=7', user: 'tm-1', params: { team: 'mine', dueWithinDays: '7' } },
    { name: 'overdue', user: 'cw-1-1', params: { overdue: 'true' } },
    { name: 'team=mine overdue', user: 'tm-1', params: { team: 'mine', overdue: 'true' } },
    { name: 'overdue', user: 'pc-1', params: { overdue: 'true' } },
    { name: 'caseNumber', user: 'cw-1-1', params: { caseNumber: busiest.case_number } },
    { name: 'caseRef', user: 'cw-1-1', params: { caseRef: busiest.case_ref } },
    { name: 'type (common)', user: 'cw-1-1', params: { type: 'background-check' } },
    { name: 'type (rare)', user: 'cw-1-1', params: { type: 'record-representations' } },
    { name: 'team=mine type (rare)', user: 'tm-1', params: { team: 'mine', type: 'make-decision' } },
    { name: 'role', user: 'cw-1-1', params: { role: 'caseworker' } },
    { name: 'role', user: 'tm-1', params: { role: 'team-manager' } },
    { name: 'team=mine role (rare)', user: 'tm-1', params: { team: 'mine', role: 'decision-maker' } },
  ];

  const get = async (user: string, path: string) => {
    const response = await httpGet(port, path, tokens.get(user)!);
    if (response.status !== 200) throw new Error(`GET ${path} as ${user}: ${response.status} ${response.body.slice(0, 300)}`);
    return response.body;
  };
  const rawPage = (scenario: Scenario, after?: Page['after']) =>
    rawInboxSql(listQuery(member(scenario.user), scenario.params, caseRefOfNumber, after), scenario.params.caseNumber);

  const loadBefore = loadavg().map(round);
  console.log(`Load average before measuring: ${loadBefore.join(', ')} on ${availableParallelism()} cores (other work on the machine shows up in every figure).`);
  console.log(`\nMeasuring ${inbox.length} work lists, first and page ${DEEP_PAGE}: ${REQUESTS} requests each (after ${WARM_UP} warm-up) at ${CONCURRENCY} concurrent, API then raw SQL alternating...`);
  const inboxRows = [];
  let mismatches = 0;
  for (const [index, scenario] of inbox.entries()) {
    // Walk to the deep page through the API, checking each page against the bare twin's.
    const pages: Page[] = [];
    let cursor: string | null = null;
    let after: Page['after'];
    for (let n = 1; n <= DEEP_PAGE; n++) {
      const body = JSON.parse(await get(scenario.user, `/tasks?${query({ ...scenario.params, ...(cursor ? { cursor } : {}) })}`)) as { items: { id: string }[]; nextCursor: string | null };
      const page: Page = { cursor, after, ids: body.items.map((item) => item.id) };
      const twin = rawPage(scenario, after);
      const twinIds = (await raw.query<{ id: string }>(twin.text, twin.values)).rows.slice(0, PAGE_SIZE).map((row) => row.id);
      if (twinIds.join() !== page.ids.join()) {
        mismatches++;
        console.warn(`  ${scenario.name} (${scenario.user}) page ${n}: the raw twin's page differs from the API's`);
      }
      pages.push(page);
      if (!body.nextCursor) break;
      cursor = body.nextCursor;
      after = decodeCursor(cursor);
    }
    const wanted = pages.length > 1 ? [pages[0], pages[pages.length - 1]] : [pages[0]];
    for (const [which, page] of wanted.entries()) {
      const pageNumber = which === 0 ? 1 : pages.length;
      const path = `/tasks?${query({ ...scenario.params, ...(page.cursor ? { cursor: page.cursor } : {}) })}`;
      const twin = rawPage(scenario, page.after);
      const viaApi = async () => void (await get(scenario.user, path));
      const viaSql = async () => void (await raw.query(twin.text, twin.values));
      const [apiFirst, second] = (index + which) % 2 === 0 ? [viaApi, viaSql] : [viaSql, viaApi];
      const a = await measure(apiFirst);
      const b = await measure(second);
      const [apiM, rawM] = apiFirst === viaApi ? [a, b] : [b, a];
      const repository = await caught((ds) => new TasksRepository(ds).list(listQuery(member(scenario.user), scenario.params, caseRefOfNumber, page.after)));
      const plan = await explain(db, repository.sql, repository.values);
      const overRaw = round(apiM.summary.p95 - rawM.summary.p95);
      const row = {
        scenario: scenario.name,
        user: scenario.user,
        query: query(scenario.params),
        page: pageNumber,
        rows: page.ids.length,
        api: apiM.summary,
        apiPerSecond: apiM.perSecond,
        raw: rawM.summary,
        rawPerSecond: rawM.perSecond,
        ratioP95: round(apiM.summary.p95 / rawM.summary.p95),
        overRawP95: overRaw,
        oneAtATime: { api: apiM.serial, raw: rawM.serial },
        loadAverage: round(loadavg()[0]),
        repositoryQuery: { executionMs: plan.executionMs, planningMs: plan.planningMs, sql: repository.sql, plan: plan.text },
        meetsP95: apiM.summary.p95 <= TARGET.inboxP95Ms,
        meetsOverRaw: overRaw <= TARGET.inboxOverRawP95Ms,
      };
      inboxRows.push(row);
      console.log(
        `  ${`${scenario.name} (${scenario.user})`.padEnd(40)} p${String(pageNumber).padEnd(2)} api p95 ${String(row.api.p95).padStart(7)} ms  raw p95 ${String(row.raw.p95).padStart(7)} ms  ` +
          `+${overRaw} ms  x${row.ratioP95}  alone ${row.oneAtATime.api.p50} / ${row.oneAtATime.raw.p50} ms  query ${plan.executionMs} ms  load ${row.loadAverage}  ${row.meetsP95 && row.meetsOverRaw ? 'met' : 'NOT met'}`,
      );
    }
  }

  // Household search: by a misspelt or common name in Arabic script, and by case number.
  const [teamCase] = (await db.query<{ case_number: string }>(`SELECT case_number FROM case_file WHERE team_id = $1 ORDER BY case_number LIMIT 1 OFFSET 7`, [member('tm-1').teamId])).rows;
  const searches: Scenario[] = [
    { name: 'name, common (احمد)', user: 'cw-1-1', params: { name: 'احمد' } },
    { name: 'name, misspelt (طالبانی)', user: 'cw-1-1', params: { name: 'طالبانی' } },
    { name: 'name, misspelt (بارزنجی)', user: 'tm-1', params: { name: 'بارزنجی' } },
    { name: 'name, misspelt, agency-wide role', user: 'dm-1', params: { name: 'طالبانی' } },
    { name: 'caseNumber', user: 'tm-1', params: { caseNumber: teamCase.case_number } },
  ];
  console.log(`\nMeasuring ${searches.length} household searches over ${SCALE.households} households...`);
  const searchRows = [];
  for (const [index, scenario] of searches.entries()) {
    const actor = member(scenario.user);
    const viewer = { userId: actor.id, roles: actor.roles, teamId: actor.teamId };
    // The repository's statement is already one statement: the twin sends it straight, with the threshold set per connection.
    const twin = await caught((ds) =>
      new HouseholdsRepository(ds).search(viewer, { name: scenario.params.name, caseNumber: scenario.params.caseNumber, limit: PAGE_SIZE + 1 }),
    );
    const path = `/households?${query(scenario.params)}`;
    const body = JSON.parse(await get(scenario.user, path)) as { items: { caseRef: string }[] };
    const twinRefs = (await raw.query<{ caseRef: string }>(twin.sql, twin.values)).rows.slice(0, PAGE_SIZE).map((row) => row.caseRef);
    if (twinRefs.join() !== body.items.map((item) => item.caseRef).join()) {
      mismatches++;
      console.warn(`  search ${scenario.name}: the raw twin's page differs from the API's`);
    }
    const viaApi = async () => void (await get(scenario.user, path));
    const viaSql = async () => void (await raw.query(twin.sql, twin.values));
    const [first, second] = index % 2 === 0 ? [viaApi, viaSql] : [viaSql, viaApi];
    const a = await measure(first);
    const b = await measure(second);
    const [apiM, rawM] = first === viaApi ? [a, b] : [b, a];
    const plan = await explain(db, twin.sql, twin.values);
    const row = {
      scenario: scenario.name,
      user: scenario.user,
      query: query(scenario.params),
      rows: body.items.length,
      api: apiM.summary,
      apiPerSecond: apiM.perSecond,
      raw: rawM.summary,
      rawPerSecond: rawM.perSecond,
      ratioP95: round(apiM.summary.p95 / rawM.summary.p95),
      overRawP95: round(apiM.summary.p95 - rawM.summary.p95),
      oneAtATime: { api: apiM.serial, raw: rawM.serial },
      loadAverage: round(loadavg()[0]),
      repositoryQuery: { executionMs: plan.executionMs, planningMs: plan.planningMs, sql: twin.sql, plan: plan.text },
      meetsP95: apiM.summary.p95 <= TARGET.searchP95Ms,
    };
    searchRows.push(row);
    console.log(
      `  ${`${scenario.name} (${scenario.user})`.padEnd(40)} api p95 ${String(row.api.p95).padStart(7)} ms  raw p95 ${String(row.raw.p95).padStart(7)} ms  alone ${row.oneAtATime.api.p50} / ${row.oneAtATime.raw.p50} ms  query ${plan.executionMs} ms  load ${row.loadAverage}  ${row.meetsP95 ? 'met' : 'NOT met'}`,
    );
  }

  // What else each GET /tasks runs, one statement at a time, for a caseworker's first page.
  const firstPage = (await raw.query<{ id: string; case_ref: string; assignee_id: string | null; subject_kind: string | null; subject_id: string | null }>(
    rawPage(inbox[0]).text,
    rawPage(inbox[0]).values,
  )).rows;
  const memberIds = firstPage.filter((row) => row.subject_kind === 'household-member').map((row) => row.subject_id!);
  const statements: Record<string, { sql: string; values: unknown[] }> = {
    'auth guard: staff_user by id': { sql: `SELECT * FROM staff_user WHERE id = $1 LIMIT 1`, values: [caseworker.id] },
    'the page rows by id': { sql: `SELECT * FROM task WHERE id IN (${firstPage.map((_, i) => `$${i + 1}`).join(', ')})`, values: firstPage.map((row) => row.id) },
    'case files of the page': await caught((ds) => new CaseFilesRepository(ds).ofCases(firstPage.map((row) => row.case_ref))),
    "holders' names": await caught((ds) => new StaffUsersRepository(ds).namesOf(firstPage.map((row) => row.assignee_id))),
    [`household members' names (${memberIds.length} on the page)`]: await caught((ds) => new HouseholdMembersRepository(ds).namesOf(memberIds.length ? memberIds : [randomUUID()])),
    'personal-data read log (insert)': await caught((ds) => new PersonalDataReadsRepository(ds).record(caseworker.id, firstPage.map((row) => row.case_ref), ['caseName', 'subject'], 'GET /tasks')),
  };
  const statementRows = [];
  for (const [name, statement] of Object.entries(statements)) {
    await db.query('BEGIN');
    const plan = await explain(db, statement.sql, statement.values);
    await db.query('ROLLBACK');
    statementRows.push({ statement: name, executionMs: plan.executionMs, planningMs: plan.planningMs, sql: statement.sql.replace(/\s+/g, ' ').trim(), plan: plan.text });
  }

  const inboxMet = inboxRows.every((row) => row.meetsP95 && row.meetsOverRaw);
  const searchMet = searchRows.every((row) => row.meetsP95);
  const result = {
    benchmark: 'inbox',
    at: new Date().toISOString(),
    postgres: version,
    scale: SCALE,
    loadMs,
    openByRole: open,
    concurrency: CONCURRENCY,
    requests: REQUESTS,
    warmUp: WARM_UP,
    oneAtATimeRequests: SERIAL_REQUESTS,
    maxSecondsPerMeasurement: MAX_MS / 1000,
    machine: { cores: availableParallelism(), loadAverageBeforeMeasuring: loadBefore },
    target: TARGET,
    twinMismatches: mismatches,
    inbox: inboxRows,
    search: searchRows,
    perRequestStatements: statementRows,
    meetsTarget: { inbox: inboxMet, search: searchMet },
  };
  const file = writeResult('inbox', result);

  const cells = (s: LatencySummary) => `${s.p50} / ${s.p95} / ${s.p99}`;
  // The columns every page shares: the API beside its raw twin, under load and alone, and the query's own time.
  const measured = (row: MeasuredPage) => ({
    api: cells(row.api),
    raw: cells(row.raw),
    'p95 ratio': row.ratioP95,
    'p95 diff': row.overRawP95,
    'api/s': row.apiPerSecond,
    'raw/s': row.rawPerSecond,
    'alone api p50/p95': `${row.oneAtATime.api.p50} / ${row.oneAtATime.api.p95}`,
    'alone raw p50/p95': `${row.oneAtATime.raw.p50} / ${row.oneAtATime.raw.p95}`,
    'query ms': row.repositoryQuery.executionMs,
  });
  console.log(`\nWork lists (ms, p50 / p95 / p99 at ${CONCURRENCY} concurrent; goal: api p95 <= ${TARGET.inboxP95Ms} and <= raw p95 + ${TARGET.inboxOverRawP95Ms}):`);
  console.table(
    inboxRows.map((row) => ({
      scenario: `${row.scenario} (${row.user})`,
      page: row.page,
      rows: row.rows,
      ...measured(row),
      goal: row.meetsP95 && row.meetsOverRaw ? 'met' : row.meetsOverRaw ? 'NOT met (p95)' : row.meetsP95 ? 'NOT met (vs raw)' : 'NOT met (both)',
    })),
  );
  console.log(`Household search (goal: api p95 <= ${TARGET.searchP95Ms} ms):`);
  console.table(
    searchRows.map((row) => ({
      scenario: `${row.scenario} (${row.user})`,
      rows: row.rows,
      ...measured(row),
      goal: row.meetsP95 ? 'met' : 'NOT met',
    })),
  );
  console.log("What else GET /tasks runs per request (EXPLAIN ANALYZE, one at a time, the caseworker's first page):");
  console.table(statementRows.map((row) => ({ statement: row.statement, 'execution ms': row.executionMs, 'planning ms': row.planningMs })));
  for (const row of [...inboxRows, ...searchRows].filter((r) => r.repositoryQuery.executionMs > SLOW_QUERY_MS)) {
    console.log(`\n--- ${row.scenario} (${row.user})${'page' in row ? ` page ${row.page}` : ''}: the repository's query takes ${row.repositoryQuery.executionMs} ms\n${row.repositoryQuery.plan}`);
  }
  for (const row of statementRows.filter((r) => r.executionMs > SLOW_QUERY_MS)) console.log(`\n--- per request: ${row.statement} takes ${row.executionMs} ms\n${row.plan}`);
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(
    `\nInbox: ${inboxRows.filter((r) => r.meetsP95 && r.meetsOverRaw).length} of ${inboxRows.length} pages meet both goals (${met(inboxMet)}); ` +
      `search: ${searchRows.filter((r) => r.meetsP95).length} of ${searchRows.length} (${met(searchMet)}); raw twin mismatches: ${mismatches}.`,
  );
  console.log(`written to ${file}`);

  await stopApp(api);
  agent.destroy();
  await raw.end();
  await db.end();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
