import { ApplicationFailure, Context } from '@temporalio/activity';
import { DomainError, TaskRecord, taskDefinition } from '@hearth/domain';
import { TasksRepository } from '@hearth/persistence';
import type { OpenedTask, TaskActivities, TaskSchedule } from '@hearth/workflows/contracts/activities.contract';
import { Deadlines } from './deadlines';

function callingWorkflowId(): string {
  const workflowId = Context.current().info.workflowExecution?.workflowId;
  if (!workflowId) throw new Error('this activity runs only for a workflow');
  return workflowId;
}

/** The human-task primitive's I/O: task rows, their deadlines, reminders, overdue alerts. */
export function createTaskActivities(deps: { tasks: TasksRepository; deadlines: Deadlines }): TaskActivities {
  const scheduleOf = async (task: TaskRecord): Promise<TaskSchedule> => {
    const notices = await deps.deadlines.notices(task.rulePackId, task.rulePackVersion, task.ruleId, task.dueAt);
    return { dueAt: task.dueAt.toISOString(), remindAt: notices.remindAt.map((d) => d.toISOString()), escalateAt: notices.escalateAt.map((d) => d.toISOString()) };
  };

  return {
    async openTask(input): Promise<OpenedTask> {
      const definition = taskDefinition(input.type);
      const anchorAt = input.anchorAt ? new Date(input.anchorAt) : new Date();
      const deadline = await deps.deadlines.compute(input.rulePackId, input.rulePackVersion, input.ruleId ?? definition.ruleId, anchorAt);
      const task = await deps.tasks.open({
        workflowId: callingWorkflowId(),
        taskKey: input.taskKey,
        type: definition.type,
        caseRef: input.caseRef,
        candidateRole: definition.candidateRole,
        assigneeId: input.assigneeId,
        priority: definition.priority,
        formKey: definition.formKey,
        formVersion: definition.formVersion,
        anchorAt,
        dueAt: deadline.dueAt,
        followUpAt: deadline.followUpAt,
        ruleId: deadline.ruleId,
        rulePackId: deadline.rulePackId,
        rulePackVersion: deadline.rulePackVersion,
        subjectKind: input.subject?.kind ?? null,
        subjectId: input.subject?.id ?? null,
        runId: input.runId ?? null,
      });
      return {
        taskId: task.id,
        type: task.type,
        candidateRole: task.candidateRole,
        assigneeId: task.assigneeId,
        status: task.status,
        overdue: task.overdueSince !== null,
        ...(await scheduleOf(task)),
        ...(task.status === 'completed' && task.outcome
          ? { closed: { outcome: task.outcome, completedBy: task.completedBy, completedAt: task.completedAt?.toISOString() ?? null, submissionId: task.submissionId } }
          : {}),
      };
    },

    async markTaskOverdue({ taskId, at }) {
      return deps.tasks.markOverdue(taskId, new Date(at));
    },

    async notifyTask({ taskId, kind, sequence, at }) {
      return deps.tasks.notify(taskId, kind, sequence, new Date(at));
    },

    async closeTask(input) {
      try {
        await deps.tasks.complete({ ...input, completedAt: new Date(input.completedAt) });
      } catch (error) {
        // Cancelled meanwhile (the case was closed): retrying cannot help, and the caller gets a 409.
        if (error instanceof DomainError) throw ApplicationFailure.nonRetryable(error.message, error.code);
        throw error;
      }
    },

    async recomputeTaskDeadline({ taskId, changeId }) {
      const task = await deps.tasks.findById(taskId);
      if (!task) throw new Error(`no task ${taskId}`);
      const deadline = await deps.deadlines.compute(task.rulePackId, task.rulePackVersion, task.ruleId, task.anchorAt);
      return scheduleOf(await deps.tasks.reschedule(taskId, { dueAt: deadline.dueAt, followUpAt: deadline.followUpAt }, new Date(), changeId ?? null));
    },

    async cancelOpenTasks({ reason, actorId, taskIds }) {
      return deps.tasks.cancelOpen(callingWorkflowId(), reason, actorId, new Date(), taskIds);
    },
    async assignTasks({ taskIds, assigneeId, actorId, reason }) {
      return deps.tasks.assign(callingWorkflowId(), taskIds, assigneeId, actorId, reason);
    },
  };
}
