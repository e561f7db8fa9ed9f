import 'reflect-metadata';
import { apiConfigFromEnv } from './config/api-config';
import { createApi } from './create-api';
import { JsonLogger } from './common/json-logger';

async function main(): Promise<void> {
  const config = apiConfigFromEnv();
  const logger = new JsonLogger();
  const app = await createApi(config, logger);
  await app.listen(config.port, process.env.HOST ?? '127.0.0.1');
  logger.write('info', 'api listening', { port: config.port });
}

main().catch((error) => {
  console.error(JSON.stringify({ level: 'error', time: new Date().toISOString(), msg: 'api failed to start', error: String(error) }));
  process.exit(1);
});
