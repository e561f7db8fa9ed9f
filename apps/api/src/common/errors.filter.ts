import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { DomainError } from '@hearth/domain';
import type { Response } from 'express';
import { httpStatusOf } from './http-status-of';
import { clientErrorStatus, isDatabaseUnavailable, isDataException } from './infrastructure-errors';
import { JsonLogger } from './json-logger';
import { TemporalUnavailableError } from './temporal-unavailable.error';

const ERROR_CODES: Record<number, string> = {
  400: 'invalid-input',
  401: 'unauthenticated',
  403: 'not-permitted',
  404: 'not-found',
  409: 'conflict',
  413: 'too-large',
  415: 'unsupported-media-type',
  429: 'too-many-attempts',
};

/** Maps every failure to one JSON shape: `{ statusCode, error, message, fields? }`. */
@Catch()
export class ErrorsFilter implements ExceptionFilter {
  constructor(private readonly logger: JsonLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const retryAfter = typeof body === 'object' ? (body as { retryAfterSeconds?: number }).retryAfterSeconds : undefined;
      if (retryAfter) response.setHeader('Retry-After', String(retryAfter));
      const status = exception.getStatus();
      const shaped: { statusCode?: number; message?: unknown; error?: string } = typeof body === 'string' ? { statusCode: status, message: body } : (body as { error?: string });
      // One error body: Nest's own exceptions name the status in words ("Forbidden"); Hearth names a code.
      const error = shaped.error && /^[a-z-]+$/.test(shaped.error) ? shaped.error : (ERROR_CODES[status] ?? 'invalid-input');
      response.status(status).json({ ...shaped, error });
      return;
    }
    if (exception instanceof DomainError) {
      const status = httpStatusOf[exception.code];
      // Bad input named by its field ("jurisdiction: no rule pack runs in XX") is reported on that field too.
      const field = exception.code === 'invalid-input' ? /^([A-Za-z][\w.]*): (.+)$/s.exec(exception.message) : null;
      const fields = exception.fields ?? (field ? { [field[1]]: [field[2]] } : undefined);
      response.status(status).json({ statusCode: status, error: exception.code, message: exception.message, ...(fields ? { fields } : {}) });
      return;
    }
    if (exception instanceof TemporalUnavailableError) {
      this.logger.write('warn', 'temporal unavailable', { reason: exception.message });
      this.unavailable(response, exception.retryAfterSeconds, exception.message);
      return;
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.write('warn', 'database unavailable', { reason: (exception as Error).message?.slice(0, 200) });
      this.unavailable(response, 5, 'the database did not answer; retry with the same Idempotency-Key');
      return;
    }
    if (isDataException(exception)) {
      response.status(400).json({ statusCode: 400, error: 'invalid-input', message: 'a value in the request cannot be stored as given' });
      return;
    }
    const clientStatus = clientErrorStatus(exception);
    if (clientStatus !== null) {
      const { message: given, type } = exception as { message: string; type?: string };
      // express's strict JSON parser refuses bodies that are valid JSON but not an object or array (null, 5, "x").
      const message = type === 'entity.parse.failed' ? `the body must be a JSON object: ${given}` : given;
      response.status(clientStatus).json({ statusCode: clientStatus, error: ERROR_CODES[clientStatus] ?? 'invalid-input', message });
      return;
    }
    const error = exception as Error;
    this.logger.write('error', 'unhandled error', { error: error?.name, detail: error?.message, stack: error?.stack });
    response.status(500).json({ statusCode: 500, error: 'internal', message: 'something went wrong; the request id is in the X-Request-Id header' });
  }

  private unavailable(response: Response, retryAfterSeconds: number, message: string): void {
    response.status(HttpStatus.SERVICE_UNAVAILABLE).setHeader('Retry-After', String(retryAfterSeconds)).json({ statusCode: 503, error: 'unavailable', message });
  }
}
