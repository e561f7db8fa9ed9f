/** Where a carer household is in its lifecycle (DOMAIN.md, "Carer household lifecycle"). */
export const HOUSEHOLD_STAGES = [
  'enquiry',
  'initial-visit',
  'awaiting-application',
  'application',
  'stage-1',
  'stage-2',
  'panel',
  'decision',
  /** England: the decision maker proposes to refuse; the applicant has 28 days for representations or an independent review. */
  'refusal-proposed',
  'approved',
  'not-approved',
  'withdrawn',
  'assessment-ended',
  'closed',
] as const;
export type HouseholdStage = (typeof HOUSEHOLD_STAGES)[number];

/** Stages no exit can follow: the decision is made, or the workflow has ended (`awaiting-application` is where rule pack v1 cases stop). */
export const FINAL_HOUSEHOLD_STAGES: readonly HouseholdStage[] = ['awaiting-application', 'approved', 'not-approved', 'withdrawn', 'assessment-ended', 'closed'];

/** Whether a case may move between stages: never out of a final stage, except an application after `awaiting-application`. */
export function mayMoveStage(from: HouseholdStage, to: HouseholdStage): boolean {
  if (from === to) return false;
  return !FINAL_HOUSEHOLD_STAGES.includes(from) || (from === 'awaiting-application' && to === 'application');
}

/** The stages a panel may send a deferred case back to. */
export type DeferralStage = 'stage-1' | 'stage-2';
