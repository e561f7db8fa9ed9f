import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import { Actor, DomainError } from '@hearth/domain';
import { IdempotencyKeysRepository } from '@hearth/persistence';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, Observable } from 'rxjs';
import { httpStatusOf } from './http-status-of';

/** JSON with its keys in order, so the same body always has the same digest. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const statusOf = (error: unknown): number | null =>
  error instanceof HttpException ? error.getStatus() : error instanceof DomainError ? httpStatusOf[error.code] : null;

/**
 * An Idempotency-Key names one request: reused by another member of staff, or with another method,
 * path or body, it is refused with 409 on every endpoint, before anything happens. A request
 * refused as the client's mistake (4xx) had no effect and gives its key back.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly keys: IdempotencyKeysRepository) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const key = request.header('idempotency-key');
    if (!key || !request.actor || request.method === 'GET') return next.handle();
    return from(this.handle(key, request.actor, request, next));
  }

  private async handle(key: string, actor: Actor, request: Request, next: CallHandler): Promise<unknown> {
    const digest = createHash('sha256').update(`${request.method} ${request.path} ${canonical(request.body ?? null)}`).digest('hex');
    if (!(await this.keys.claim(key, actor.userId, digest))) {
      throw new DomainError('conflict', 'this Idempotency-Key was used for a different request; use a new key for a new request');
    }
    try {
      return await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      const status = statusOf(error);
      if (status !== null && status >= 400 && status < 500) await this.keys.release(key, actor.userId, digest);
      throw error;
    }
  }
}
