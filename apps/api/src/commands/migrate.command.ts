import { runMigrations } from '@hearth/persistence';

/** `node dist/apps/api/src/commands/migrate.command.js`: applies pending migrations, then exits. */
runMigrations(process.env.DATABASE_URL ?? '')
  .then((applied) => console.log(JSON.stringify({ applied })))
  .catch((error) => {
    console.error(`migrations failed: ${(error as Error).message}`);
    process.exit(1);
  });
