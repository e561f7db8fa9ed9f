import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, ChildStage, LocalDate, PlacementEndReason } from '@hearth/domain';

export type { ChildStage };

/** Ids, dates and the rule pack only: the child's personal details live in PostgreSQL. */
export interface ChildWorkflowInput {
  childId: string;
  rulePackId: string;
  rulePackVersion: number;
  /** The date the child became looked after: the review clock's anchor. */
  lookedAfterOn: LocalDate;
  /** The child's social worker, who holds the case's caseworker tasks. */
  caseworkerId: string | null;
  /** Set when a run continues as new (after reviews, to keep histories short). */
  resume?: ChildResume;
}

/** What a new run of the child's case carries over: where it stands and its review chain. */
export interface ChildResume {
  stage: ChildStage;
  reviewsHeld: number;
  lastReviewOn: LocalDate | null;
  placementId: string | null;
  /** The matching round the case is in (task keys are unique across runs: a new run must not find an old round's tasks). */
  round?: number;
}

export interface ChildWorkflowResult {
  stage: ChildStage;
}

/** A placement ended: the placement's workflow tells the child's case, which matches again or closes. */
export const placementEndedSignal = defineSignal<[{ placementId: string; reason: PlacementEndReason }]>('placementEnded');

/** The reviewing officer brings the next review forward to a date (not after its due date, not before today). */
export const bringReviewForwardUpdate = defineUpdate<{ dueOn: LocalDate }, [{ on: LocalDate; actor: Actor }]>('bringReviewForward');

export function bringReviewForwardUpdateId(idempotencyKey: string): string {
  return `bring-review-forward:${idempotencyKey}`;
}

export const childStageQuery = defineQuery<ChildStage>('childStage');
