import { ApplicationFailure } from '@temporalio/activity';
import { ApprovalTerms } from '@hearth/domain';
import { AlertsRepository, CarerRegisterRepository, HouseholdMembersRepository, HouseholdsRepository, PanelsRepository, TaskSubmissionsRepository } from '@hearth/persistence';
import type { HouseholdActivities } from '@hearth/workflows/contracts/activities.contract';
import { householdCaseRef } from '@hearth/workflows/contracts/household.contract';
import { Deadlines } from './deadlines';

export interface HouseholdActivityDeps {
  households: HouseholdsRepository;
  members: HouseholdMembersRepository;
  alerts: AlertsRepository;
  panels: PanelsRepository;
  register: CarerRegisterRepository;
  submissions: TaskSubmissionsRepository;
  deadlines: Deadlines;
}

const ceilingKey = (caseRef: string, ruleId: string) => `statutory-ceiling:${caseRef}:${ruleId}`;

/** The household projection staff read: stage, members, panel agenda, the carer register, case alerts. */
export function createHouseholdActivities(deps: HouseholdActivityDeps): HouseholdActivities {
  return {
    async recordHouseholdStage({ householdId, stage, actorId }) {
      await deps.households.setStage(householdId, stage, actorId, householdCaseRef(householdId));
    },

    listAdults: ({ householdId }) => deps.members.adultIds(householdId),

    async computeCaseDeadline({ ruleId, rulePackId, rulePackVersion, anchorAt }) {
      return (await deps.deadlines.compute(rulePackId, rulePackVersion, ruleId, new Date(anchorAt))).dueAt.toISOString();
    },

    async raiseCaseAlert({ caseRef, ruleId, at }) {
      await deps.alerts.raiseForCase({
        kind: 'statutory-ceiling',
        severity: 'critical',
        dedupeKey: ceilingKey(caseRef, ruleId),
        caseRef,
        recipientRole: 'team-manager',
        recipientId: null,
        raisedAt: new Date(at),
      });
    },

    async resolveCaseAlert({ caseRef, ruleId, at }) {
      await deps.alerts.resolve(ceilingKey(caseRef, ruleId), new Date(at));
    },

    async recordPanelBooking({ panelId, householdId, sittingAt, rulePackId, rulePackVersion, actorId }) {
      const papers = await deps.deadlines.compute(rulePackId, rulePackVersion, 'panel.papers', new Date(sittingAt));
      await deps.panels.addCase(panelId, householdId, papers.dueAt, actorId);
    },

    async recordPapersSent({ panelId, householdId, at }) {
      await deps.panels.recordPapersSent(panelId, householdId, new Date(at));
    },

    async recordPanelRecommendation({ panelId, householdId, recommendation }) {
      await deps.panels.recordRecommendation(panelId, householdId, recommendation);
    },

    async enterCarerRegister({ householdId, decisionSubmissionId, actorId, at }) {
      const data = decisionSubmissionId ? await deps.submissions.data(decisionSubmissionId) : null;
      const terms = data?.terms as ApprovalTerms | undefined;
      // The API validates the terms of every approval; a decision without them cannot be retried into shape.
      if (!terms) throw ApplicationFailure.nonRetryable('the approval has no terms', 'missing-terms');
      await deps.register.enter(householdId, terms, new Date(at), actorId);
    },
  };
}
