import { Context } from '@temporalio/activity';
import { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { CalendarChangesRepository } from '@hearth/persistence';
import type { CalendarActivities } from '@hearth/workflows/contracts/activities.contract';
import { deadlinesChangedSignal } from '@hearth/workflows/contracts/human-task.contract';

/** Signals sent at once: enough to keep the server busy, few enough for a 2-core machine. */
const PARALLEL_SIGNALS = 32;

/** The background work of calendar changes: which cases to tell, telling them, and the progress staff follow. */
export function createCalendarActivities(deps: { changes: CalendarChangesRepository; client: Client }): CalendarActivities {
  return {
    async casesAffectedByChange({ changeId, after, limit }) {
      const change = await deps.changes.findById(changeId);
      if (!change) throw new Error(`no calendar change ${changeId}`);
      return deps.changes.casesAffected(change.rulePackIds, change.affectsFrom, after, limit);
    },

    /** Resumes after the last case a failed attempt got to (its heartbeat), so a retry tells no case twice. */
    async signalCasesOfChange({ changeId, workflowIds, signalledBefore }) {
      const context = Context.current();
      let next = (context.info.heartbeatDetails as number | undefined) ?? 0;
      let done = next;
      const finished = new Set<number>();
      const worker = async () => {
        for (let index = next++; index < workflowIds.length; index = next++) {
          try {
            await deps.client.workflow.getHandle(workflowIds[index]).signal(deadlinesChangedSignal, { changeId });
          } catch (error) {
            // A case that ended meanwhile has no deadlines left to move.
            if (!(error instanceof WorkflowNotFoundError)) throw error;
          }
          finished.add(index);
          while (finished.has(done)) done++;
          context.heartbeat(done);
        }
      };
      await Promise.all(Array.from({ length: PARALLEL_SIGNALS }, worker));
      await deps.changes.recordProgress(changeId, signalledBefore + workflowIds.length);
    },

    async finishCalendarChange({ changeId }) {
      await deps.changes.finish(changeId);
    },
  };
}
