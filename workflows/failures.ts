import { ApplicationFailure } from '@temporalio/workflow';
import { DomainError } from '@hearth/domain';

/** A domain refusal as the failure an Update validator throws; the API maps its type to a status. */
export function toFailure(error: DomainError): ApplicationFailure {
  return ApplicationFailure.create({ type: error.code, message: error.message, nonRetryable: true });
}
