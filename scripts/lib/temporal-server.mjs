// The Temporal dev server (from the Temporal CLI) for `npm start` and `npm test`, unless
// TEMPORAL_ADDRESS names a server to use instead.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensureTemporalCli } from './temporal-cli.mjs';
import { isPortFree, sleep } from './ports.mjs';

// Keep equal to HEARTH_SEARCH_ATTRIBUTES in libs/temporal/src/search-attributes.ts.
const SEARCH_ATTRIBUTES = ['HearthCaseType=Keyword'];

function healthy(cli, address) {
  return spawnSync(cli, ['operator', 'cluster', 'health', '--address', address], { stdio: 'ignore', timeout: 5000 }).status === 0;
}

/**
 * Starts `temporal server start-dev` on 127.0.0.1:`port`. With `dbFile` its state survives
 * restarts (SQLite); without, it lives in memory. With `uiPort` the Web UI is served there.
 */
export async function startTemporalServer({ port, uiPort, dbFile, logFile, log }) {
  if (process.env.TEMPORAL_ADDRESS) {
    log(`Using the Temporal server at ${process.env.TEMPORAL_ADDRESS} (TEMPORAL_ADDRESS).`);
    return { address: process.env.TEMPORAL_ADDRESS, uiUrl: null, stop: async () => {} };
  }
  const cli = await ensureTemporalCli(log);
  for (const p of [port, uiPort].filter(Boolean)) {
    if (!(await isPortFree(p))) throw new Error(`port ${p} is in use; stop what holds it, or set TEMPORAL_ADDRESS to use a running Temporal server`);
  }
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--log-level', 'warn',
    '--dynamic-config-value', 'frontend.enableUpdateWorkflowExecution=true',
    ...SEARCH_ATTRIBUTES.flatMap((attribute) => ['--search-attribute', attribute])];
  if (dbFile) {
    mkdirSync(dirname(dbFile), { recursive: true });
    args.push('--db-filename', dbFile);
  }
  args.push(...(uiPort ? ['--ui-port', String(uiPort)] : ['--headless']));
  mkdirSync(dirname(logFile), { recursive: true });
  const out = openSync(logFile, 'a');
  // Its own process group: Ctrl-C reaches the caller, which stops this server last, after the
  // worker and API have drained.
  const child = spawn(cli, args, { stdio: ['ignore', out, out], detached: true });
  let exited = false;
  child.on('exit', () => (exited = true));
  const address = `127.0.0.1:${port}`;
  const started = Date.now();
  while (!healthy(cli, address)) {
    if (exited) throw new Error(`the Temporal server exited at start; see ${logFile}`);
    if (Date.now() - started > 60_000) throw new Error(`the Temporal server did not become healthy in 60 s; see ${logFile}`);
    await sleep(250);
  }
  return {
    address,
    uiUrl: uiPort ? `http://127.0.0.1:${uiPort}` : null,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (exited) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}
