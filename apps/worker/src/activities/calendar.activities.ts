import { Context } from '@temporalio/activity';
import { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { CalendarChangesRepository, TasksRepository } from '@hearth/persistence';
import type { CalendarActivities, TaskSchedule } from '@hearth/workflows/contracts/activities.contract';
import { deadlinesChangedSignal } from '@hearth/workflows/contracts/human-task.contract';
import { Deadlines } from './deadlines';

/** Signals sent at once: enough to keep the server busy, few enough for a 2-core machine. */
const PARALLEL_SIGNALS = 32;

/** The background work of calendar changes: which cases to tell, telling them, and the progress staff follow. */
export function createCalendarActivities(deps: { changes: CalendarChangesRepository; tasks: TasksRepository; deadlines: Deadlines; client: Client }): CalendarActivities {
  return {
    async casesAffectedByChange({ changeId, after, limit }) {
      const change = await deps.changes.findById(changeId);
      if (!change) throw new Error(`no calendar change ${changeId}`);
      return deps.changes.casesAffected(change.rulePackIds, change.affectsFrom, after, limit);
    },

    /**
     * Moves the page's deadlines in PostgreSQL at once (one transaction, holidays read once), then
     * tells each case its new schedules, so a case moves its timers without an activity of its
     * own. Resumes after the last case a failed attempt got to (its heartbeat): a retry tells no
     * case twice.
     */
    async signalCasesOfChange({ changeId, workflowIds, signalledBefore }) {
      const context = Context.current();
      const change = await deps.changes.findById(changeId);
      if (!change) throw new Error(`no calendar change ${changeId}`);
      const now = new Date();
      const calendar = await deps.deadlines.snapshot(change.rulePackIds, now);
      const open = await deps.tasks.rescheduleForChange(workflowIds, change, (task) => calendar.compute(task.rulePackId, task.rulePackVersion, task.ruleId, task.anchorAt), now);
      const schedules = new Map<string, Record<string, TaskSchedule>>();
      for (const task of open) {
        const notices = calendar.notices(task.rulePackId, task.rulePackVersion, task.ruleId, task.dueAt);
        const schedule = { dueAt: task.dueAt.toISOString(), remindAt: notices.remindAt.map((d) => d.toISOString()), escalateAt: notices.escalateAt.map((d) => d.toISOString()) };
        schedules.set(task.workflowId, { ...schedules.get(task.workflowId), [task.id]: schedule });
      }
      let next = (context.info.heartbeatDetails as number | undefined) ?? 0;
      let done = next;
      const finished = new Set<number>();
      const worker = async () => {
        for (let index = next++; index < workflowIds.length; index = next++) {
          try {
            const moved = { changeId, seq: change.seq, schedules: schedules.get(workflowIds[index]) ?? {} };
            await deps.client.workflow.getHandle(workflowIds[index]).signal(deadlinesChangedSignal, moved);
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
