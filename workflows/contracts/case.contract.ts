import { defineUpdate } from '@temporalio/workflow';
import type { Actor, CaseRef } from '@hearth/domain';

/** Sent when a team manager puts the case on a panel's agenda. Ids and the sitting time only. */
export interface PanelBooking {
  panelId: string;
  sittingAt: string;
  chairId: string;
  memberIds: string[];
  actor: Actor;
  /** The request's Idempotency-Key, recorded as the book-panel task's completion key. */
  idempotencyKey: string;
}

/** How a case is ended early, e.g. `withdrawn` or `assessment-ended` for a household. */
export interface CaseExitRequest<E extends string = string> {
  exit: E;
  actor: Actor;
}

export interface CaseExitResult {
  stage: string;
}

export const bookPanelUpdate = defineUpdate<{ taskId: string }, [PanelBooking]>('bookPanel');
export const closeCaseUpdate = defineUpdate<CaseExitResult, [CaseExitRequest]>('closeCase');

/** An admin asks a case to try again a step that failed for good (the "needs attention" alert names it). */
export const retryStepUpdate = defineUpdate<{ step: string }, [{ step: string; actor: Actor }]>('retryStep');

/** The Update id of a case-level staff action: one per case, action and idempotency key. */
export function caseUpdateId(kind: 'book-panel' | 'close-case' | 'retry-step', ref: CaseRef, idempotencyKey: string): string {
  return `${kind}:${ref}:${idempotencyKey}`;
}
