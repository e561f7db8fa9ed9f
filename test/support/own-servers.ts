import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMigrations } from '@hearth/persistence';
import { eventually } from './hearth-harness';

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * A Temporal dev server of the test's own, with its state in a SQLite file, so the test can kill
 * it (-9) mid-step and start it again with everything it had made durable.
 */
export async function ownTemporal() {
  const cli = process.env.TEMPORAL_CLI;
  if (!cli) throw new Error('TEMPORAL_CLI is not set: run through `npm test`');
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  const dbFile = join(mkdtempSync(join(tmpdir(), 'hearth-temporal-')), 'temporal.db');
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      cli,
      ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--headless', '--log-level', 'error', '--db-filename', dbFile,
        '--dynamic-config-value', 'frontend.enableUpdateWorkflowExecution=true', '--search-attribute', 'HearthCaseType=Keyword'],
      { stdio: 'ignore' },
    );
    await eventually(async () => (spawnSync(cli, ['operator', 'cluster', 'health', '--address', address], { stdio: 'ignore', timeout: 5000 }).status === 0 ? true : undefined), 60_000, 'the Temporal server');
  };
  await start();
  return {
    address,
    /** Kills the server at once (SIGKILL): no chance to finish anything. */
    async kill() {
      const pid = child!.pid!;
      child!.kill('SIGKILL');
      await eventually(async () => (alive(pid) ? undefined : true), 10_000, 'the Temporal server to die');
    },
    start,
    async stop() {
      child?.kill('SIGTERM');
    },
  };
}

/** An embedded PostgreSQL of the test's own, migrated, which the test can stop (immediate shutdown) and start again. */
export async function ownPostgres() {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'hearth-pg-')), 'data');
  execFileSync('chmod', ['755', join(dataDir, '..')]);
  const port = await freePort();
  const script = join(__dirname, 'start-postgres.mjs');
  const start = () => JSON.parse(execFileSync(process.execPath, [script, dataDir, String(port)], { encoding: 'utf8' }).trim().split('\n').pop()!).url as string;
  const url = start();
  await runMigrations(url);
  const postmaster = () => Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    url,
    /** Immediate shutdown (SIGQUIT): every connection is cut, as when the server goes down. */
    async stop() {
      const pid = postmaster();
      process.kill(pid, 'SIGQUIT');
      await eventually(async () => (alive(pid) ? undefined : true), 20_000, 'PostgreSQL to stop');
    },
    start,
  };
}
