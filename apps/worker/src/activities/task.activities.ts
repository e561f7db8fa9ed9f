import { Context } from '@temporalio/activity';
import { computeDeadline, localDateOf, rulePackVersion, taskDefinition } from '@hearth/domain';
import { CalendarHolidaysRepository, TasksRepository } from '@hearth/persistence';
import type { TaskActivities } from '@hearth/workflows/contracts/activities.contract';

/** The human-task primitive's I/O: task rows, their deadlines, overdue alerts. */
export function createTaskActivities(deps: { tasks: TasksRepository; holidays: CalendarHolidaysRepository }): TaskActivities {
  return {
    async openTask(input) {
      const workflowId = Context.current().info.workflowExecution?.workflowId;
      if (!workflowId) throw new Error('openTask runs only as a workflow activity');
      const definition = taskDefinition(input.type);
      const pack = rulePackVersion(input.rulePackId, input.rulePackVersion);
      const openedAt = new Date();
      const holidays = await deps.holidays.datesFrom(pack.jurisdiction, localDateOf(openedAt, pack.timeZone));
      const deadline = computeDeadline(pack, definition.ruleId, openedAt, holidays);
      const task = await deps.tasks.open({
        workflowId,
        taskKey: input.taskKey,
        type: definition.type,
        caseRef: input.caseRef,
        candidateRole: definition.candidateRole,
        assigneeId: input.assigneeId,
        priority: definition.priority,
        formKey: definition.formKey,
        formVersion: definition.formVersion,
        ...deadline,
      });
      return {
        taskId: task.id,
        type: task.type,
        candidateRole: task.candidateRole,
        assigneeId: task.assigneeId,
        dueAt: task.dueAt.toISOString(),
        status: task.status,
        overdue: task.overdueSince !== null,
      };
    },

    async markTaskOverdue({ taskId, at }) {
      return deps.tasks.markOverdue(taskId, new Date(at));
    },

    async closeTask(input) {
      await deps.tasks.complete({ ...input, completedAt: new Date(input.completedAt) });
    },
  };
}
