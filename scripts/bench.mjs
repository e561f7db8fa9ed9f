// `npm run bench:<name>`: builds, then runs bench/<name>.bench.ts against a fresh database and
// Temporal server (as `npm test` does), beside its bare twin in the same run.
import { spawnSync } from 'node:child_process';
import { ensureDependencies, root, run, say } from './lib/setup.mjs';

const name = process.argv[2];
ensureDependencies(say);
const { withTestInfrastructure } = await import('./lib/test-infrastructure.mjs');
run('npm', ['run', '--silent', 'build']);
// Benchmarks of the web app drive Debian's chromium.
const { ensureChromium } = await import('./lib/chromium.mjs');
if (name.startsWith('web')) process.env.HEARTH_CHROMIUM = ensureChromium(say);
const status = await withTestInfrastructure(say, async (env) => {
  const migrate = spawnSync(process.execPath, ['dist/apps/api/src/commands/migrate.command.js'], { cwd: root, env, stdio: 'inherit' });
  if (migrate.status !== 0) return 1;
  return spawnSync(process.execPath, ['--enable-source-maps', `dist/bench/${name}.bench.js`], { cwd: root, env, stdio: 'inherit' }).status ?? 1;
});
process.exit(status);
