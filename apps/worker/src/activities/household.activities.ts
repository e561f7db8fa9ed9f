import { HouseholdsRepository } from '@hearth/persistence';
import type { HouseholdActivities } from '@hearth/workflows/contracts/activities.contract';
import { householdCaseRef } from '@hearth/workflows/contracts/household.contract';

/** Keeps the household projection staff read: its stage, with an audit row per change. */
export function createHouseholdActivities(deps: { households: HouseholdsRepository }): HouseholdActivities {
  return {
    async recordHouseholdStage({ householdId, stage, actorId }) {
      await deps.households.setStage(householdId, stage, actorId, householdCaseRef(householdId));
    },
  };
}
