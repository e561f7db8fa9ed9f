import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, CaseParticipation, HouseholdStage } from '@hearth/domain';

/** Ids and the rule pack only: the household's personal details live in PostgreSQL. */
export interface HouseholdWorkflowInput {
  householdId: string;
  rulePackId: string;
  rulePackVersion: number;
  /** Set when a run continues as new after the panel deferred the case. */
  resume?: AssessmentResume;
  /**
   * Set when an applicant of a case that stopped at `awaiting-application` (rule pack krg v1)
   * applies: the new run starts at the application, on the pack in force, with the caseworker.
   */
  application?: { caseworkerId: string | null };
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
  /** Who did what so far (absent before issue 7: `completedBy` and `caseworkerId` then). */
  participation?: CaseParticipation;
  /** Each adult's background check in the cycles so far: member id -> outcome, or `open`. */
  adultChecks?: Record<string, AdultCheck>;
}

export type AdultCheck = 'open' | 'satisfactory' | 'concerns';

export interface HouseholdWorkflowResult {
  stage: HouseholdStage;
}

export const HOUSEHOLD_CASE_TYPE = 'household';

/** How a case leaves before a decision: the applicant withdraws, or the agency ends the assessment. */
export type HouseholdExit = 'withdrawn' | 'assessment-ended';

/** An adult joined the household (the API has stored them). Kept for cases that heard it as a signal. */
export const adultAddedSignal = defineSignal<[{ memberId: string }]>('adultAdded');

/**
 * An adult joined the household: before the decision they get a background check; after it, the
 * answer says so, and the API raises the alert for the approved household's review.
 */
export const adultJoinedUpdate = defineUpdate<{ afterDecision: boolean }, [{ memberId: string }]>('adultJoined');

export const householdStageQuery = defineQuery<HouseholdStage>('householdStage');

/**
 * A team manager names the household's supervising worker: the case's caseworker tasks from now
 * go to them, and the open ones the previous worker held move to them too.
 */
export const supervisingWorkerUpdate = defineUpdate<{ movedTaskIds: string[] }, [{ workerId: string; actor: Actor }]>('changeSupervisingWorker');

export function supervisingWorkerUpdateId(idempotencyKey: string): string {
  return `supervising-worker:${idempotencyKey}`;
}
