// `npm run migrate`: applies pending migrations to DATABASE_URL (after `npm run build`).
import { root, run } from './lib/setup.mjs';

if (!process.env.DATABASE_URL) {
  console.error('Set DATABASE_URL to the database to migrate.');
  process.exit(2);
}
run('npm', ['run', '--silent', 'build']);
run(process.execPath, ['dist/apps/api/src/commands/migrate.command.js'], { cwd: root });
