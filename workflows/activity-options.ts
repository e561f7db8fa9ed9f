import { ActivityCancellationType, ActivityOptions } from '@temporalio/workflow';

/**
 * Options for a case's activities. Finite attempts (about four minutes), so a step that keeps
 * failing surfaces through CaseSteps as "needs attention" instead of retrying silently for ever.
 * When a case is closed mid-step, wait for a running activity to finish before cleaning up, so a
 * late write (a task opened, a stage recorded) cannot land after the open tasks are cancelled.
 */
export const caseActivityOptions: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
  cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
};
