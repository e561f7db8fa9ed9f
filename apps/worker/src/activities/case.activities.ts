import { parseCaseRef } from '@hearth/domain';
import { AlertsRepository } from '@hearth/persistence';
import type { CaseActivities } from '@hearth/workflows/contracts/activities.contract';
import { Deadlines } from './deadlines';

const clockKey = (caseRef: string, ruleId: string) => `statutory-ceiling:${caseRef}:${ruleId}`;
const warningKey = (caseRef: string, ruleId: string, sequence: number) => `case-clock-warning:${caseRef}:${ruleId}:${sequence}`;
const attentionKey = (caseRef: string, step: string) => `needs-attention:${caseRef}:${step}`;

/** The case kit's I/O: case clocks and the alerts a case raises for managers. Alerts name the case and rule, never a person. */
export function createCaseActivities(deps: { alerts: AlertsRepository; deadlines: Deadlines }): CaseActivities {
  const forManagers = { recipientRole: 'team-manager', recipientId: null } as const;
  return {
    async computeCaseDeadline({ ruleId, rulePackId, rulePackVersion, anchorAt }) {
      const deadline = await deps.deadlines.compute(rulePackId, rulePackVersion, ruleId, new Date(anchorAt));
      return { dueAt: deadline.dueAt.toISOString(), warnAt: deadline.remindAt.map((at) => at.toISOString()) };
    },

    async warnCaseClock({ caseRef, ruleId, sequence, at }) {
      await deps.alerts.raiseForCase({ kind: 'case-clock-warning', severity: 'warning', dedupeKey: warningKey(caseRef, ruleId, sequence), caseRef, ...forManagers, raisedAt: new Date(at), about: ruleId });
    },

    async raiseCaseAlert({ caseRef, ruleId, at }) {
      await deps.alerts.raiseForCase({ kind: 'statutory-ceiling', severity: 'critical', dedupeKey: clockKey(caseRef, ruleId), caseRef, ...forManagers, raisedAt: new Date(at), about: ruleId });
    },

    async resolveCaseAlert({ caseRef, ruleId, at }) {
      await deps.alerts.resolveMatching([clockKey(caseRef, ruleId), `case-clock-warning:${caseRef}:${ruleId}:%`], new Date(at));
    },

    async flagCheckConcerns({ caseRef, taskId, taskType, at }) {
      await deps.alerts.raiseForCase({ kind: 'check-concerns', severity: 'warning', dedupeKey: `check-concerns:${taskId}`, caseRef, taskId, ...forManagers, raisedAt: new Date(at), about: taskType });
    },

    async raiseNeedsAttention({ caseRef, step, at }) {
      if (!parseCaseRef(caseRef)) throw new Error(`not a case reference: ${caseRef}`);
      await deps.alerts.raiseForCase({ kind: 'needs-attention', severity: 'critical', dedupeKey: attentionKey(caseRef, step), caseRef, ...forManagers, raisedAt: new Date(at), about: step });
    },

    async resolveNeedsAttention({ caseRef, step, at }) {
      await deps.alerts.resolveMatching([attentionKey(caseRef, step)], new Date(at));
    },
  };
}
