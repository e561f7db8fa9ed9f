import { DomainError, DomainErrorCode } from '@hearth/domain';
import { WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { httpStatusOf } from './http-status-of';
import { TemporalUnavailableError } from './temporal-unavailable.error';

function isDomainCode(type: string | undefined | null): type is DomainErrorCode {
  return !!type && type in httpStatusOf;
}

const codeOf = (e: unknown) => (e as { code?: unknown } | undefined)?.code;

function isUnavailable(error: unknown): boolean {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  // gRPC UNAVAILABLE (14) and DEADLINE_EXCEEDED (4): the server or the connection to it is down.
  return [codeOf(error), codeOf((error as { cause?: unknown })?.cause)].some((code) => code === 14 || code === 4);
}

/**
 * Turns what the Temporal client throws into the domain's failures: a validator's refusal keeps its
 * code, a finished workflow means the task is closed, no answer in time means "unavailable".
 */
export function translateTemporalError(error: unknown): Error {
  if (error instanceof WorkflowUpdateFailedError) {
    // A validator's refusal is the direct cause; an activity's refusal sits one level deeper.
    for (let cause: unknown = error.cause; cause; cause = (cause as Error).cause) {
      if (cause instanceof ApplicationFailure && isDomainCode(cause.type)) return new DomainError(cause.type, cause.message);
    }
    return error;
  }
  if (error instanceof WorkflowNotFoundError) return new DomainError('task-closed', 'the case this task belonged to has moved on');
  // gRPC INVALID_ARGUMENT (3): the server refused what the request named (an id too long, say).
  if (codeOf(error) === 3 || codeOf((error as { cause?: unknown })?.cause) === 3) return new DomainError('invalid-input', 'the workflow service refused the request as malformed');
  if (isUnavailable(error)) return new TemporalUnavailableError('the workflow service did not answer in time; retry with the same Idempotency-Key');
  return error as Error;
}
