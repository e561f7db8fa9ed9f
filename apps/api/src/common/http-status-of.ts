import { HttpStatus } from '@nestjs/common';
import { DomainErrorCode } from '@hearth/domain';

/** The one place domain failure codes become HTTP statuses. */
export const httpStatusOf: Record<DomainErrorCode, HttpStatus> = {
  'not-found': HttpStatus.NOT_FOUND,
  'task-closed': HttpStatus.CONFLICT,
  conflict: HttpStatus.CONFLICT,
  'not-ready': HttpStatus.SERVICE_UNAVAILABLE,
  'not-permitted': HttpStatus.FORBIDDEN,
  'separation-of-duties': HttpStatus.FORBIDDEN,
  'invalid-outcome': HttpStatus.BAD_REQUEST,
  'invalid-input': HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
};
