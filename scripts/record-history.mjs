// `npm run replay:record`: saves fresh workflow histories under test/replay/histories.
import { spawnSync } from 'node:child_process';
import { ensureDependencies, root, say } from './lib/setup.mjs';

ensureDependencies(say);
const { withTestInfrastructure } = await import('./lib/test-infrastructure.mjs');
const status = await withTestInfrastructure(say, async (env) =>
  spawnSync(process.execPath, ['node_modules/jest/bin/jest.js', '--config', 'jest.record.config.js', ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' }).status ?? 1,
);
process.exit(status);
