import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Milliseconds a call takes. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Starts a compiled app (`dist/apps/<name>/src/main.js`) as its own process, as in production. */
export function startApp(name: 'api' | 'worker', env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [resolve(__dirname, '..', 'apps', name, 'src', 'main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') console.error(`${name} exited: ${code ?? signal}`);
  });
  return child;
}

export async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

/** Waits for the API's /health to answer 200. */
export async function healthy(baseUrl: string): Promise<void> {
  for (let ok = false; !ok; await sleep(200)) ok = await fetch(`${baseUrl}/health`).then((r) => r.ok, () => false);
}

/** Writes a benchmark's result under bench/results (git-ignored) and returns the file. */
export function writeResult(name: string, result: { at: string }): string {
  const directory = join(process.cwd(), 'bench', 'results');
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `${name}-${result.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
