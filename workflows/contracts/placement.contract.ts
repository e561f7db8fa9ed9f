import { defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, LocalDate, PlacementEndReason, VisitedPlacementType } from '@hearth/domain';

/** Ids, dates and terms only: who the child and carers are lives in PostgreSQL. */
export interface PlacementWorkflowInput {
  placementId: string;
  childId: string;
  householdId: string;
  placementType: VisitedPlacementType;
  untilEighteen: boolean;
  startedOn: LocalDate;
  /** The child's 18th birthday: the placement ends that day if nothing ends it before. */
  eighteenthBirthday: LocalDate;
  caseworkerId: string | null;
  rulePackId: string;
  rulePackVersion: number;
  firstReviewHeld: boolean;
  /** Set when a run continues as new after a run of visits. */
  resume?: { lastVisitOn: LocalDate | null; visits: number };
}

export interface PlacementWorkflowResult {
  reason: PlacementEndReason;
  endedOn: LocalDate;
}

/** The child's social worker (or their manager) ends the placement, saying why and on which date. */
export const endPlacementUpdate = defineUpdate<PlacementWorkflowResult, [{ reason: PlacementEndReason; endedOn: LocalDate; actor: Actor }]>('endPlacement');

export function endPlacementUpdateId(idempotencyKey: string): string {
  return `end-placement:${idempotencyKey}`;
}

/** The child's case held a review: kinship and placed-with-parent visits stop being weekly after the first. */
export const reviewHeldSignal = defineSignal('reviewHeld');

export function placementWorkflowId(placementId: string): string {
  return `placement:${placementId}`;
}
