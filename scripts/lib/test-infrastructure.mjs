// A throwaway PostgreSQL database and Temporal server for `npm test`, the replay recorder and the
// benchmarks: each run gets its own database and its own in-memory Temporal, so runs never collide.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createDatabase, databaseUrl, dropDatabase, startEmbeddedPostgres } from './database.mjs';
import { freePort } from './ports.mjs';
import { root } from './setup.mjs';
import { ensureTemporalCli } from './temporal-cli.mjs';
import { startTemporalServer } from './temporal-server.mjs';

/** Runs `fn(env)` with DATABASE_URL and TEMPORAL_ADDRESS pointing at fresh infrastructure. */
export async function withTestInfrastructure(log, fn) {
  const stops = [];
  const database = `hearth_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  try {
    const temporal = await startTemporalServer({ port: await freePort(), logFile: join(root, '.data', 'test-temporal.log'), log });
    stops.push(temporal.stop);
    let adminUrl = process.env.DATABASE_URL;
    if (!adminUrl) {
      const server = await startEmbeddedPostgres({ dataDir: join(root, '.data', 'test-postgres'), port: await freePort(), database: 'postgres', log });
      stops.push(server.stop);
      adminUrl = server.adminUrl;
    }
    await createDatabase(adminUrl, database);
    stops.push(() => dropDatabase(adminUrl, database));
    log(`Test database ${database}; Temporal at ${temporal.address}.`);
    // Fault tests start (and kill) Temporal servers of their own with the same CLI.
    const cli = process.env.TEMPORAL_ADDRESS ? process.env.TEMPORAL_CLI : await ensureTemporalCli(log);
    return await fn({ ...process.env, DATABASE_URL: databaseUrl(adminUrl, database), TEMPORAL_ADDRESS: temporal.address, ...(cli ? { TEMPORAL_CLI: cli } : {}) });
  } finally {
    for (const stop of stops.reverse()) await stop().catch((error) => log(`cleanup: ${error.message}`));
  }
}
