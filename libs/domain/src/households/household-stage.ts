/** Where a carer household is in its lifecycle (DOMAIN.md, "Carer household lifecycle"). */
export const HOUSEHOLD_STAGES = ['enquiry', 'initial-visit', 'awaiting-application', 'closed'] as const;
export type HouseholdStage = (typeof HOUSEHOLD_STAGES)[number];
