import { PanelsRepository } from '@hearth/persistence';
import type { PanelActivities } from '@hearth/workflows/contracts/activities.contract';
import { Deadlines } from './deadlines';

/** The panel stage's projection: agendas, papers, recommendations. */
export function createPanelActivities(deps: { panels: PanelsRepository; deadlines: Deadlines }): PanelActivities {
  return {
    async recordPanelBooking({ panelId, householdId, sittingAt, rulePackId, rulePackVersion, actorId, movedFromPanelId }) {
      const papers = await deps.deadlines.compute(rulePackId, rulePackVersion, 'panel.papers', new Date(sittingAt));
      await deps.panels.addCase(panelId, householdId, papers.dueAt, actorId, movedFromPanelId ?? null);
    },

    async recordPapersSent({ panelId, householdId, at }) {
      await deps.panels.recordPapersSent(panelId, householdId, new Date(at));
    },

    async recordPanelRecommendation({ panelId, householdId, recommendation }) {
      await deps.panels.recordRecommendation(panelId, householdId, recommendation);
    },
  };
}
