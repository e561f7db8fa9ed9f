import { ApplicationFailure } from '@temporalio/activity';
import { addYears, DomainError, localDateOf, packFigures, PlacementType, rulePackVersion } from '@hearth/domain';
import { ChildrenRepository, PlacementsRepository, shortlistOf, TaskSubmissionsRepository } from '@hearth/persistence';
import type { ChildJourneyActivities } from '@hearth/workflows/contracts/activities.contract';

export interface ChildJourneyActivityDeps {
  children: ChildrenRepository;
  placements: PlacementsRepository;
  submissions: TaskSubmissionsRepository;
}

/** A refusal from PostgreSQL's side (no free place, the child placed already) as a failure the workflow's Update hands back with its code. */
function refusal(error: unknown): never {
  if (error instanceof DomainError) throw ApplicationFailure.nonRetryable(error.message, error.code);
  throw error;
}

/** The child's journey's projection: stage, care plan, proposals, placements, visits, reviews. */
export function createChildJourneyActivities(deps: ChildJourneyActivityDeps): ChildJourneyActivities {
  /** The form staff sent; the API validated it against its schema, so a missing one cannot be retried into shape. */
  const formOf = async (submissionId: string | null) => {
    const data = submissionId ? await deps.submissions.data(submissionId) : null;
    if (!data) throw ApplicationFailure.nonRetryable(`no form data for submission ${submissionId}`, 'missing-form');
    return data;
  };
  const childOf = async (childId: string) => {
    const child = await deps.children.find(childId);
    if (!child) throw ApplicationFailure.nonRetryable(`no child ${childId}`, 'not-found');
    return child;
  };

  return {
    recordChildStage: ({ childId, stage, actorId }) => deps.children.setStage(childId, stage, actorId),

    async applyCarePlan({ childId, submissionId }) {
      const plan = await formOf(submissionId);
      await deps.children.applyCarePlan(childId, plan.placementType as PlacementType, plan.untilEighteen === true);
    },

    async recordMatchProposal({ childId, taskId, submissionId, proposedBy }) {
      const form = await formOf(submissionId);
      const householdId = String(form.householdId);
      const child = await childOf(childId);
      const pack = rulePackVersion(child.rulePackId, child.rulePackVersion);
      // The score and reasons as they are when proposed (a place may have gone since the API checked).
      const shortlist = await shortlistOf(deps.placements, childId, packFigures(pack).matching, localDateOf(new Date(), pack.timeZone), householdId);
      const entry = shortlist?.entries[0];
      await deps.placements.recordProposal({ id: taskId, childId, householdId, score: entry?.score ?? 0, reasons: entry?.reasons ?? [], proposalReasons: typeof form.reasons === 'string' ? form.reasons : null, proposedBy, proposedAt: new Date() });
      return { proposalId: taskId, householdId };
    },

    async decideMatch({ proposalId, outcome, submissionId, actorId }) {
      const reasons = (await formOf(submissionId)).reasons;
      const proposal = await deps.placements.proposal(proposalId);
      if (!proposal) throw ApplicationFailure.nonRetryable(`no proposal ${proposalId}`, 'not-found');
      const child = await childOf(proposal.childId);
      const startedOn = localDateOf(new Date(), rulePackVersion(child.rulePackId, child.rulePackVersion).timeZone);
      const placed = await deps.placements
        .decide({ proposalId, approve: outcome === 'approve-match', reasons: typeof reasons === 'string' ? reasons : null, actorId, startedOn })
        .catch(refusal);
      if (!placed) return { placement: null };
      return {
        placement: {
          placementId: placed.placementId,
          householdId: placed.householdId,
          placementType: child.placementTypeNeeded!,
          untilEighteen: child.untilEighteen,
          startedOn,
          eighteenthBirthday: addYears(child.dateOfBirth, 18),
          approvedBy: actorId,
        },
      };
    },

    async recordVisit({ placementId, taskId, submissionId, recordedBy }) {
      const visit = await formOf(submissionId);
      const visitedOn = String(visit.visitedOn);
      await deps.placements.recordVisit({ placementId, taskId, visitedOn, seenAlone: visit.seenAlone === true, notes: String(visit.notes ?? ''), recordedBy });
      return { visitedOn };
    },

    endPlacement: ({ placementId, reason, endedOn, actorId }) => deps.placements.end(placementId, reason, endedOn, actorId),

    async recordReview({ childId, taskId, submissionId, chairedBy }) {
      const heldOn = String((await formOf(submissionId)).heldOn);
      await deps.placements.recordReview({ childId, taskId, heldOn, chairedBy });
      return { heldOn };
    },
  };
}
