// `npm test`: lint and type-check, then every jest test (unit, integration, end-to-end, replay)
// against a real PostgreSQL and a real Temporal server started for this run. Extra arguments go
// to jest, e.g. `npm test -- test/human-task.test.ts`.
import { spawnSync } from 'node:child_process';
import { ensureDependencies, root, run, say } from './lib/setup.mjs';

ensureDependencies(say);
const { withTestInfrastructure } = await import('./lib/test-infrastructure.mjs');
const started = Date.now();
say('Lint and type-check...');
run('npm', ['run', '--silent', 'lint']);
// The browser tests drive the built web app, as the API serves it, in Debian's chromium.
say('Building the web app...');
run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/web/vite.config.mjs', '--logLevel', 'warn']);
const { ensureChromium } = await import('./lib/chromium.mjs');
const chromium = ensureChromium(say);

const status = await withTestInfrastructure(say, async (env) => {
  const jest = spawnSync(process.execPath, ['node_modules/jest/bin/jest.js', ...process.argv.slice(2)], { cwd: root, env: { ...env, HEARTH_CHROMIUM: chromium }, stdio: 'inherit' });
  return jest.status ?? 1;
});
say(`npm test finished in ${Math.round((Date.now() - started) / 1000)} s.`);
process.exit(status);
