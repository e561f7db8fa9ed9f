import type { PlacementType } from '../households/approval-terms';

/** How a placement ends (DOMAIN.md, Child journey, step 6). */
export const PLACEMENT_END_REASONS = ['reunification', 'kinship-transfer', 'moved-to-another-carer', 'breakdown', 'eighteenth-birthday'] as const;
export type PlacementEndReason = (typeof PLACEMENT_END_REASONS)[number];

/** What the child's case does when a placement ends: look for another carer, or close. */
export type AfterPlacement = 'new-matching' | 'case-closes';

export function afterPlacementEnds(reason: PlacementEndReason): AfterPlacement {
  return reason === 'moved-to-another-carer' || reason === 'breakdown' ? 'new-matching' : 'case-closes';
}

/**
 * The kind of placement, for its visit clock: a carer household's approval types, and a child
 * placed with a parent under a care plan (not with a carer household, so it takes no place).
 */
export type VisitedPlacementType = PlacementType | 'placed-with-parent';

/** Where a child's case stands (DOMAIN.md, Child journey). */
export const CHILD_STAGES = ['care-plan', 'matching', 'placed', 'closed'] as const;
export type ChildStage = (typeof CHILD_STAGES)[number];
