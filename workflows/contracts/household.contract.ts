import type { HouseholdStage } from '@hearth/domain';

/** Ids and the rule pack only: the household's personal details live in PostgreSQL. */
export interface HouseholdWorkflowInput {
  householdId: string;
  rulePackId: string;
  rulePackVersion: number;
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
