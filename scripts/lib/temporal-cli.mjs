// Finds or builds the Temporal CLI (which holds the dev server). Order: TEMPORAL_CLI, `temporal`
// on PATH, a cached build under ~/.cache/hearth, a fresh `go install` into that cache.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const cacheDir = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'hearth', `temporal-${TEMPORAL_CLI_VERSION.slice(1)}`);
export const cachedCliPath = join(cacheDir, 'temporal');

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

export async function ensureTemporalCli(log = (line) => console.log(line)) {
  if (process.env.TEMPORAL_CLI) {
    if (!existsSync(process.env.TEMPORAL_CLI)) throw new Error(`TEMPORAL_CLI=${process.env.TEMPORAL_CLI} does not exist`);
    return process.env.TEMPORAL_CLI;
  }
  const found = onPath('temporal');
  if (found) return found;
  if (existsSync(cachedCliPath)) return cachedCliPath;
  const go = onPath('go') ?? (existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined);
  if (!go) {
    throw new Error(
      'The Temporal CLI was not found. Install it (https://docs.temporal.io/cli), put `temporal` on PATH or set ' +
        'TEMPORAL_CLI to its path; or install Go 1.22+ so Hearth can build it; or set TEMPORAL_ADDRESS to use a running server.',
    );
  }
  await buildWithGo(go, log);
  return cachedCliPath;
}

async function buildWithGo(go, log) {
  const buildDir = `${cacheDir}.building-${process.pid}`;
  mkdirSync(buildDir, { recursive: true });
  log(`Building the Temporal server (temporal CLI ${TEMPORAL_CLI_VERSION}) with Go into ${cacheDir}.`);
  log('This happens once per machine and takes about 5-6 minutes on 2 cores; progress follows.');
  const started = Date.now();
  const ticker = setInterval(() => log(`  ... still building the Temporal server (${Math.round((Date.now() - started) / 1000)} s)`), 30_000);
  try {
    await new Promise((resolve, reject) => {
      const child = spawn(go, ['install', '-v', `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`], {
        env: { ...process.env, GOBIN: buildDir, GOFLAGS: process.env.GOFLAGS ?? '-mod=mod' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let packages = 0;
      let tail = '';
      child.stderr.on('data', (chunk) => {
        const text = chunk.toString();
        tail = (tail + text).slice(-4000);
        packages += (text.match(/\n/g) ?? []).length;
        if (packages % 200 < (text.match(/\n/g) ?? []).length) log(`  ... ${packages} packages fetched or compiled`);
      });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`go install failed (exit ${code}):\n${tail}`))));
    });
    mkdirSync(cacheDir, { recursive: true });
    renameSync(join(buildDir, 'temporal'), cachedCliPath);
    log(`Temporal server built in ${Math.round((Date.now() - started) / 1000)} s: ${cachedCliPath}`);
  } finally {
    clearInterval(ticker);
    rmSync(buildDir, { recursive: true, force: true });
  }
}

export function temporalCliVersion(path) {
  return spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout.trim();
}
