import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { DomainError } from '@hearth/domain';
import type { Response } from 'express';
import { httpStatusOf } from './http-status-of';
import { JsonLogger } from './json-logger';
import { TemporalUnavailableError } from './temporal-unavailable.error';

/** Maps every failure to one JSON shape: `{ statusCode, error, message, fields? }`. */
@Catch()
export class ErrorsFilter implements ExceptionFilter {
  constructor(private readonly logger: JsonLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      response.status(exception.getStatus()).json(typeof body === 'string' ? { statusCode: exception.getStatus(), message: body } : body);
      return;
    }
    if (exception instanceof DomainError) {
      const status = httpStatusOf[exception.code];
      response.status(status).json({ statusCode: status, error: exception.code, message: exception.message });
      return;
    }
    if (exception instanceof TemporalUnavailableError) {
      this.logger.write('warn', 'temporal unavailable', { reason: exception.message });
      response
        .status(HttpStatus.SERVICE_UNAVAILABLE)
        .setHeader('Retry-After', String(exception.retryAfterSeconds))
        .json({ statusCode: 503, error: 'unavailable', message: exception.message });
      return;
    }
    const error = exception as Error;
    this.logger.write('error', 'unhandled error', { error: error?.name, detail: error?.message, stack: error?.stack });
    response.status(500).json({ statusCode: 500, error: 'internal', message: 'something went wrong; the request id is in the X-Request-Id header' });
  }
}
