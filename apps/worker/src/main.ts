import { DefaultLogger, LogLevel, Runtime } from '@temporalio/worker';
import { temporalConfigFromEnv } from '@hearth/temporal';
import { startHearthWorker } from './hearth-worker';

/** The worker process: SIGINT/SIGTERM drain in-flight tasks and exit (Runtime's shutdown signals). */
async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set');
  // One JSON object per line, like the API. The SDK's INFO lines include the whole webpack report
  // of the workflow bundle, so the default level is WARN.
  const level = (process.env.HEARTH_WORKER_LOG_LEVEL ?? 'WARN') as LogLevel;
  Runtime.install({
    logger: new DefaultLogger(level, ({ level, message, meta, timestampNanos }) =>
      console.log(JSON.stringify({ level: level.toLowerCase(), time: new Date(Number(timestampNanos / 1_000_000n)).toISOString(), msg: message, ...meta })),
    ),
  });
  const temporal = temporalConfigFromEnv();
  const running = await startHearthWorker({ databaseUrl, temporal, workflowBundlePath: process.env.HEARTH_WORKFLOW_BUNDLE });
  console.log(JSON.stringify({ level: 'info', time: new Date().toISOString(), msg: 'worker started', taskQueue: temporal.taskQueue }));
  await running.done;
}

main().catch((error) => {
  console.error(JSON.stringify({ level: 'error', time: new Date().toISOString(), msg: 'worker failed', error: String(error) }));
  process.exit(1);
});
