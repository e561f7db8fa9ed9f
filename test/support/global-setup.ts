// Global setup runs outside jest's module mapping, so it imports by path.
import { runMigrations } from '../../libs/persistence/src/data-source';

/** Migrates this run's database once, before any test file starts. */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) await runMigrations(process.env.DATABASE_URL);
}
