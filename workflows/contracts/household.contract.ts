import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, HouseholdStage } from '@hearth/domain';

/** Ids and the rule pack only: the household's personal details live in PostgreSQL. */
export interface HouseholdWorkflowInput {
  householdId: string;
  rulePackId: string;
  rulePackVersion: number;
  /** Set when a run continues as new after the panel deferred the case. */
  resume?: AssessmentResume;
}

/** Where an assessment stands when a deferral starts a new run: ids, outcomes and times only. */
export interface AssessmentResume {
  cycle: number;
  returnTo: 'stage-1' | 'stage-2';
  /** When the application was received: the 8-month clock keeps running across runs. */
  applicationAt: string;
  caseworkerId: string | null;
  completedBy: Record<string, string[]>;
  resumeStage?: HouseholdStage;
}

export interface HouseholdWorkflowResult {
  stage: HouseholdStage;
}

export const HOUSEHOLD_CASE_TYPE = 'household';

/** Business-keyed and free of personal data: `household:{uuid}`. */
export function householdWorkflowId(householdId: string): string {
  return `household:${householdId}`;
}

export function householdCaseRef(householdId: string): string {
  return householdWorkflowId(householdId);
}

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

/** How a case leaves before a decision: the applicant withdraws, or the agency ends the assessment. */
export type CaseExit = 'withdrawn' | 'assessment-ended';

export const bookPanelUpdate = defineUpdate<{ taskId: string }, [PanelBooking]>('bookPanel');
export const closeCaseUpdate = defineUpdate<HouseholdWorkflowResult, [{ exit: CaseExit; actor: Actor }]>('closeCase');

/** An adult joined the household (the API has stored them): during stage 1 they need a background check. */
export const adultAddedSignal = defineSignal<[{ memberId: string }]>('adultAdded');

export const householdStageQuery = defineQuery<HouseholdStage>('householdStage');

/** The Update id of a case exit or panel booking: one per case and idempotency key. */
export function householdUpdateId(kind: 'book-panel' | 'close-case', householdId: string, idempotencyKey: string): string {
  return `${kind}:${householdId}:${idempotencyKey}`;
}
