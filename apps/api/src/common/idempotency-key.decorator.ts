import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

const KEY = /^[A-Za-z0-9._:-]{8,128}$/;

function invalid(problem: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'invalid-input', message: [`Idempotency-Key ${problem}`], fields: { 'Idempotency-Key': [problem] } });
}

function read(required: boolean, context: ExecutionContext): string | null {
  const key = context.switchToHttp().getRequest<Request>().header('idempotency-key');
  if (!key) {
    if (required) throw invalid('is required');
    return null;
  }
  if (!KEY.test(key)) throw invalid('must be 8-128 characters of A-Z a-z 0-9 . _ : -');
  return key;
}

/** The request's Idempotency-Key header: the same key repeats the first answer and has one effect. */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext) => read(true, context));
export const OptionalIdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext) => read(false, context));
