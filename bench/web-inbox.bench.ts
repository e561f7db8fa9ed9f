/// <reference lib="dom" />
// `npm run bench:web-inbox`: the staff web app's inbox, first load in Debian's chromium, with 100
// thousand open tasks in PostgreSQL. Goals (issue 9): the JavaScript the inbox route loads
// <= 250 kB gzipped; its first page of tasks on screen <= 1.5 s after navigation. Beside it, in the
// same run, the bare twins: the same first page from the API alone (HTTP, no browser), and the
// browser loading a bare page from the same server. BENCH_OPEN_TASKS scales it, BENCH_RUNS repeats.
import { rulePackInForceAt } from '@hearth/domain';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { chromium, Response } from 'playwright-core';
import { hashPassword } from '../apps/api/src/auth/password';
import { loadInbox } from './inbox-data';
import { sleep, startApp, stopApp, timed, writeResult } from './hearth-processes';
import { summarise } from './stats';

const OPEN_TASKS = Number(process.env.BENCH_OPEN_TASKS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const OPEN_SHARE = 0.5;
const SCALE = { tasks: Math.round(OPEN_TASKS / OPEN_SHARE), openShare: OPEN_SHARE, households: Math.max(1000, Math.round(OPEN_TASKS / 10)), teams: 5, caseworkersPerTeam: 20, assessorsPerTeam: 5 };
const GOALS = { javascriptGzipKb: 250, firstPageMs: 1500 };
const round = (n: number) => Math.round(n * 10) / 10;

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL!;
  const db = new Client({ connectionString: databaseUrl, application_name: 'bench-web-inbox' });
  await db.connect();
  const password = randomUUID();
  console.log(`Loading ${SCALE.tasks} tasks (${OPEN_TASKS} open) over ${SCALE.households} households...`);
  const { ms: loadMs } = await loadInbox(db, SCALE, await hashPassword(password), rulePackInForceAt('krg', new Date()));
  const [{ open }] = (await db.query<{ open: string }>(`SELECT count(*) AS open FROM task WHERE status = 'open'`)).rows;
  console.log(`Loaded in ${Math.round(loadMs / 1000)} s: ${open} open tasks.`);
  await db.end();

  const port = 30000 + Math.floor(Math.random() * 20000);
  const baseUrl = `http://127.0.0.1:${port}`;
  const api = startApp('api', { ...process.env, TEMPORAL_TASK_QUEUE: `bench-${randomUUID()}`, PORT: String(port), HEARTH_JWT_SECRET: randomUUID() });
  const browser = await chromium.launch({
    executablePath: process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    for (;;) {
      const health = await fetch(`${baseUrl}/health`).then((r) => r.json() as Promise<{ database?: { ok: boolean }; temporal?: { ok: boolean } }>, () => null);
      if (health?.database?.ok && health.temporal?.ok) break;
      await sleep(200);
    }
    const login = await fetch(`${baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'cw-1-1', password }) });
    const { accessToken } = (await login.json()) as { accessToken: string };

    /** One first visit to the inbox in a fresh profile (nothing cached), signed in: ms from navigation to the first task row, and the JavaScript it loaded. */
    const visit = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript((token) => {
        sessionStorage.setItem('hearth.token', token);
        localStorage.setItem('hearth.preferences', JSON.stringify({ language: 'ckb', digits: 'arab', hijri: false }));
      }, accessToken);
      const page = await context.newPage();
      const scripts: Response[] = [];
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script') scripts.push(response);
      });
      await page.goto(`${baseUrl}/app/`);
      const firstRowMs = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const seen = () => document.querySelector('[data-task-id]');
            if (seen()) return resolve(performance.now());
            new MutationObserver((_changes, observer) => {
              if (seen()) {
                observer.disconnect();
                resolve(performance.now());
              }
            }).observe(document.body, { childList: true, subtree: true });
          }),
      );
      const bodies = await Promise.all(scripts.map((response) => response.body()));
      await context.close();
      return { firstRowMs, scripts: bodies.length, gzipBytes: bodies.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0), rawBytes: bodies.reduce((sum, body) => sum + body.length, 0) };
    };

    /** The bare twin in the browser: a fresh profile loading a bare page (/health) from the same server. */
    const bareVisit = async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${baseUrl}/health`);
      const ms = await page.evaluate(() => performance.getEntriesByType('navigation')[0].duration);
      await context.close();
      return ms;
    };
    const apiFirstPage = () => timed(async () => {
      const response = await fetch(`${baseUrl}/tasks?limit=50`, { headers: { authorization: `Bearer ${accessToken}` } });
      if (!response.ok) throw new Error(`GET /tasks: ${response.status}`);
      await response.json();
    });

    // Warm the server (JIT, PostgreSQL's caches) as a working day would have.
    for (let i = 0; i < 3; i++) await visit();
    for (let i = 0; i < 20; i++) await apiFirstPage();
    console.log(`Load average before measuring: ${loadavg().map(round).join(', ')}. ${RUNS} first visits, each beside its bare twins...`);
    const visits = [];
    const apiTimes = [];
    const bare = [];
    for (let i = 0; i < RUNS; i++) {
      visits.push(await visit());
      apiTimes.push(await apiFirstPage());
      bare.push(await bareVisit());
    }
    const firstRow = summarise(visits.map((each) => each.firstRowMs));
    const apiAlone = summarise(apiTimes);
    const bareNavigation = summarise(bare);
    const javascript = { scripts: visits[0].scripts, gzipKb: round(visits[0].gzipBytes / 1024), rawKb: round(visits[0].rawBytes / 1024) };
    const result = {
      at: new Date().toISOString(),
      openTasks: Number(open),
      runs: RUNS,
      goals: GOALS,
      javascript,
      firstRowMs: firstRow,
      apiFirstPageMs: apiAlone,
      bareNavigationMs: bareNavigation,
      ratios: { firstRowOverApi: round(firstRow.p50 / apiAlone.p50), firstRowOverBareNavigation: round(firstRow.p50 / bareNavigation.p50) },
      met: { javascript: javascript.gzipKb <= GOALS.javascriptGzipKb, firstRow: firstRow.p95 <= GOALS.firstPageMs },
      loadAverage: loadavg().map(round),
    };
    console.table({
      'inbox, first row on screen (browser)': firstRow,
      'GET /tasks first page (API alone)': apiAlone,
      'bare page navigation (browser)': bareNavigation,
    });
    console.log(`JavaScript on first load: ${javascript.scripts} files, ${javascript.gzipKb} kB gzipped (${javascript.rawKb} kB raw); goal <= ${GOALS.javascriptGzipKb} kB: ${result.met.javascript ? 'met' : 'NOT met'}.`);
    console.log(`First row p95 ${firstRow.p95} ms; goal <= ${GOALS.firstPageMs} ms: ${result.met.firstRow ? 'met' : 'NOT met'}. Ratios (p50): ${result.ratios.firstRowOverApi}x the API alone, ${result.ratios.firstRowOverBareNavigation}x a bare navigation.`);
    console.log(`Written to ${writeResult('web-inbox', result)}`);
  } finally {
    await browser.close();
    await stopApp(api);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
