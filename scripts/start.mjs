// `npm start`: Hearth on this machine with embedded defaults. Installs what is missing, starts
// PostgreSQL (embedded unless DATABASE_URL), the Temporal dev server (unless TEMPORAL_ADDRESS),
// migrates, seeds the demo users, then runs the worker and the API until Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies, root, run, say } from './lib/setup.mjs';

const dataDir = join(root, '.data');
const port = Number(process.env.PORT ?? 3000);
const stops = [];
const children = [];
let stopping = false;

function localSecret(name) {
  const path = join(dataDir, name);
  if (!existsSync(path)) writeFileSync(path, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(path, 'utf8').trim();
}

function runNode(script, env) {
  const result = spawnSync(process.execPath, [script], { cwd: root, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${script} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop());
}

function startChild(name, script, env) {
  const child = spawn(process.execPath, ['--enable-source-maps', script], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) process.stdout.write(`${name.padEnd(6)}| ${line}\n`);
    });
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      say(`${name} exited (${code ?? signal}); stopping Hearth.`);
      void shutdown(1);
    }
  });
  children.push(child);
  return child;
}

async function waitForHealth(url) {
  for (let i = 0; i < 240; i++) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the API did not become healthy at ${url} within 60 s`);
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say('Stopping...');
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', resolve);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
        }),
    ),
  );
  for (const stop of stops.reverse()) await stop().catch((error) => say(`while stopping: ${error.message}`));
  say('Stopped.');
  process.exit(code);
}

async function main() {
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  mkdirSync(dataDir, { recursive: true });
  ensureDependencies(say);
  // Imported after the install so a fresh clone can load them.
  const { startEmbeddedPostgres } = await import('./lib/database.mjs');
  const { startTemporalServer } = await import('./lib/temporal-server.mjs');

  say('Building...');
  run('npm', ['run', '--silent', 'build']);

  let databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    say('Using the database at DATABASE_URL.');
  } else {
    const database = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port: Number(process.env.HEARTH_PG_PORT ?? 54329), database: 'hearth', log: say });
    stops.push(database.stop);
    databaseUrl = database.url;
    say(`PostgreSQL (embedded) is up on port ${new URL(databaseUrl).port}, data in .data/postgres.`);
  }

  say('Starting the Temporal server...');
  const temporal = await startTemporalServer({
    port: Number(process.env.HEARTH_TEMPORAL_PORT ?? 7233),
    uiPort: Number(process.env.HEARTH_TEMPORAL_UI_PORT ?? 8233),
    dbFile: join(dataDir, 'temporal.db'),
    logFile: join(dataDir, 'temporal.log'),
    log: say,
  });
  stops.push(temporal.stop);

  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    HEARTH_JWT_SECRET: process.env.HEARTH_JWT_SECRET ?? localSecret('jwt-secret'),
    PORT: String(port),
  };
  const migrations = runNode('dist/apps/api/src/commands/migrate.command.js', env);
  say(migrations.applied.length ? `Migrations applied: ${migrations.applied.join(', ')}` : 'Database schema is up to date.');
  const demo = runNode('dist/apps/api/src/commands/seed-demo-users.command.js', env);

  startChild('worker', 'dist/apps/worker/src/main.js', env);
  startChild('api', 'dist/apps/api/src/main.js', env);
  const api = `http://127.0.0.1:${port}`;
  await waitForHealth(`${api}/health`);

  const roles = 'caseworker, team-manager, assessor, panel-member, panel-chair, decision-maker, nominated-officer, reviewing-officer, admin';
  const users = `Erbil team: ${roles}, and each with -2 (caseworker-2, …)\n                 Duhok team: the same with duhok- in front (duhok-caseworker, duhok-caseworker-2, …)`;
  const password = demo.password
    ? `password: ${demo.password}${process.env.HEARTH_DEMO_PASSWORD ? '' : '  (shown once; set HEARTH_DEMO_PASSWORD to choose your own)'}`
    : 'password: the one printed when they were first created (set HEARTH_DEMO_PASSWORD to reset it)';
  console.log(`
  Hearth is ready.
    Web app      ${api}/app/   (sign in below; the language menu is at the top)
    API          ${api}
    API docs     ${api}/docs   (OpenAPI JSON: ${api}/docs-json)
    Temporal UI  ${temporal.uiUrl ?? `(external server at ${temporal.address})`}
    Demo logins  ${users}
                 ${password}
    Demo carers  three approved households on the Erbil team's register, to match children with (Children > Refer a child)
    Try          curl -s -X POST ${api}/auth/login -H 'content-type: application/json' -d '{"username":"caseworker","password":"…"}'

  Press Ctrl-C to stop.
`);
}

main().catch(async (error) => {
  say(`Could not start: ${error.message}`);
  await shutdown(1);
});
