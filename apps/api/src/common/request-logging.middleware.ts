import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { JsonLogger } from './json-logger';
import { requestContext } from './request-context';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Gives each request an id (or keeps a sane incoming X-Request-Id) and logs one line when it ends. */
export function requestLogging(logger: JsonLogger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const incoming = req.header('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    requestContext.run({ requestId }, () => {
      res.on('finish', () => {
        logger.write(res.statusCode >= 500 && res.statusCode !== 503 ? 'error' : 'info', 'request', {
          method: req.method,
          route: req.route?.path ?? req.path,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        });
      });
      next();
    });
  };
}
