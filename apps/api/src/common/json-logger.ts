import { LoggerService } from '@nestjs/common';
import { requestContext } from './request-context';

type Level = 'debug' | 'info' | 'warn' | 'error';

// Nest's start-up chatter (one line per module and route) is debug, not info.
const START_UP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

/**
 * One JSON object per line with the request id. Callers log ids and codes, never names, bodies
 * or other personal data.
 */
export class JsonLogger implements LoggerService {
  constructor(private readonly minimum: Level = 'info') {}

  write(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
    const order: Level[] = ['debug', 'info', 'warn', 'error'];
    if (order.indexOf(level) < order.indexOf(this.minimum)) return;
    const context = requestContext.getStore();
    const line = JSON.stringify({ level, time: new Date().toISOString(), msg, requestId: context?.requestId, userId: context?.userId, ...fields });
    (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
  }

  log(message: unknown, context?: string): void {
    this.write(context && START_UP_CONTEXTS.has(context) ? 'debug' : 'info', String(message), { context });
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.write('error', String(message), { context, trace });
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', String(message), { context });
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', String(message), { context });
  }
  verbose(message: unknown, context?: string): void {
    this.write('debug', String(message), { context });
  }
}
