import { allHandlersFinished, condition, proxyActivities } from '@temporalio/workflow';
import type { HouseholdStage } from '@hearth/domain';
import type { HouseholdActivities } from './contracts/activities.contract';
import { householdCaseRef, HouseholdWorkflowInput, HouseholdWorkflowResult } from './contracts/household.contract';
import { HumanTasks } from './human-task';

const { recordHouseholdStage } = proxyActivities<HouseholdActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * A carer household from first enquiry: a caseworker responds to the enquiry, then makes the
 * initial home visit, which ends with an invitation to apply or with the case closed.
 */
export async function householdWorkflow(input: HouseholdWorkflowInput): Promise<HouseholdWorkflowResult> {
  const tasks = new HumanTasks({
    caseRef: householdCaseRef(input.householdId),
    rulePackId: input.rulePackId,
    rulePackVersion: input.rulePackVersion,
  });
  const moveTo = async (stage: HouseholdStage, actorId: string | null): Promise<HouseholdWorkflowResult> => {
    await recordHouseholdStage({ householdId: input.householdId, stage, actorId });
    return { stage };
  };

  const response = await tasks.run({ key: 'respond-to-enquiry', type: 'respond-to-enquiry' });
  let result: HouseholdWorkflowResult;
  if (response.outcome === 'not-proceeding') {
    result = await moveTo('closed', response.completedBy);
  } else {
    await moveTo('initial-visit', response.completedBy);
    // The caseworker who answered the enquiry makes the visit; others in the role may cover.
    const visit = await tasks.run({ key: 'initial-home-visit', type: 'initial-home-visit', assigneeId: response.completedBy });
    result = await moveTo(visit.outcome === 'invite-application' ? 'awaiting-application' : 'closed', visit.completedBy);
  }
  await condition(allHandlersFinished);
  return result;
}
