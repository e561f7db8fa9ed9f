import { ApplicationFailure } from '@temporalio/activity';
import { ApprovalTerms, caseRef, departsFromRecommendation } from '@hearth/domain';
import { CarerRegisterRepository, CaseFilesRepository, HouseholdMembersRepository, HouseholdsRepository, TaskSubmissionsRepository } from '@hearth/persistence';
import type { HouseholdActivities } from '@hearth/workflows/contracts/activities.contract';

export interface HouseholdActivityDeps {
  households: HouseholdsRepository;
  members: HouseholdMembersRepository;
  register: CarerRegisterRepository;
  submissions: TaskSubmissionsRepository;
  caseFiles: CaseFilesRepository;
}

/** The household projection staff read: stage, members, the decision, the carer register. */
export function createHouseholdActivities(deps: HouseholdActivityDeps): HouseholdActivities {
  const formOf = async (submissionId: string | null) => (submissionId ? await deps.submissions.data(submissionId) : null);
  return {
    async recordHouseholdStage({ householdId, stage, actorId }) {
      await deps.households.setStage(householdId, stage, actorId, caseRef('household', householdId));
    },

    listAdults: ({ householdId }) => deps.members.adultIds(householdId),
    async recordSupervisingWorker({ householdId, workerId, actorId }) {
      await deps.caseFiles.setSupervisingWorker(caseRef('household', householdId), workerId, actorId);
    },

    async householdAdults({ householdId, at }) {
      const adults = await deps.members.adultsAt(householdId, new Date(at));
      return { adultIds: adults.adultIds, nextComingOfAgeAt: adults.nextComingOfAgeAt?.toISOString() ?? null };
    },

    async recordDecision({ householdId, recommendation, decision }) {
      const [recommended, decided] = await Promise.all([formOf(recommendation.submissionId), formOf(decision.submissionId)]);
      const departs = departsFromRecommendation(
        { outcome: recommendation.outcome, terms: recommended?.terms as ApprovalTerms | undefined },
        { outcome: decision.outcome, terms: decided?.terms as ApprovalTerms | undefined },
      );
      const departureReason = typeof decided?.departureReason === 'string' ? decided.departureReason : null;
      await deps.households.recordDecision(householdId, { outcome: decision.outcome, departs, departureReason, actorId: decision.actorId }, caseRef('household', householdId));
      return { departs };
    },

    async enterCarerRegister({ householdId, decisionSubmissionId, actorId, at }) {
      const terms = (await formOf(decisionSubmissionId))?.terms as ApprovalTerms | undefined;
      // The API validates the terms of every approval; a decision without them cannot be retried into shape.
      if (!terms) throw ApplicationFailure.nonRetryable('the approval has no terms', 'missing-terms');
      await deps.register.enter(householdId, terms, new Date(at), actorId);
    },
  };
}
