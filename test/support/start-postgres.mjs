// Starts an embedded PostgreSQL for one fault test (see own-servers.ts) and prints its URL; the
// server runs on, detached, until the test stops it.
import { startEmbeddedPostgres } from '../../scripts/lib/database.mjs';

const [dataDir, port] = process.argv.slice(2);
const server = await startEmbeddedPostgres({ dataDir, port: Number(port), database: 'hearth', log: (line) => console.error(line) });
console.log(JSON.stringify({ url: server.url }));
process.exit(0);
