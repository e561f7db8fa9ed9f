// Integration tests need the PostgreSQL database and Temporal server that `npm test` starts.
for (const name of ['DATABASE_URL', 'TEMPORAL_ADDRESS']) {
  if (!process.env[name]) throw new Error(`${name} is not set: run integration tests through \`npm test\``);
}
