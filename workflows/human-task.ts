import { ApplicationFailure, condition, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import { assertMayComplete, DomainError, taskDefinition, TaskType } from '@hearth/domain';
import type { OpenedTask, TaskActivities } from './contracts/activities.contract';
import { CompletedTask, CompleteTaskRequest, completeTaskUpdate, openTasksQuery, OpenTaskView } from './contracts/human-task.contract';

const { openTask, markTaskOverdue } = proxyActivities<TaskActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

// Closing runs as a local activity inside the Update handler: the staff member's request waits for
// it, and a local activity saves the round trip through the server's activity task queue.
const { closeTask } = proxyLocalActivities<TaskActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '2 seconds', maximumAttempts: 10 },
});

/** The case a workflow's tasks belong to, and the rule pack version its deadlines come from. */
export interface HumanTaskScope {
  caseRef: string;
  rulePackId: string;
  rulePackVersion: number;
}

export interface HumanTaskSpec {
  /** Unique within the workflow run: a retried open finds the same task. */
  key: string;
  type: TaskType;
  assigneeId?: string | null;
}

interface TrackedTask {
  opened: OpenedTask;
  decision?: CompleteTaskRequest;
  closed?: CompletedTask;
}

function toFailure(error: DomainError): ApplicationFailure {
  return ApplicationFailure.create({ type: error.code, message: error.message, nonRetryable: true });
}

/**
 * The one pattern every Hearth workflow uses for a human step: open a task, wait for a staff
 * decision (an Update) or the deadline, mark it overdue once if the deadline passes and keep
 * waiting, then close it with the outcome.
 */
export class HumanTasks {
  private readonly tracked = new Map<string, TrackedTask>();

  constructor(private readonly scope: HumanTaskScope) {
    setHandler(completeTaskUpdate, (request) => this.complete(request), { validator: (request) => this.validate(request) });
    setHandler(openTasksQuery, () => [...this.tracked.values()].filter((t) => !t.decision).map((t) => this.view(t.opened)));
  }

  async run(spec: HumanTaskSpec): Promise<CompletedTask> {
    const opened = await openTask({
      taskKey: spec.key,
      type: spec.type,
      caseRef: this.scope.caseRef,
      assigneeId: spec.assigneeId ?? null,
      rulePackId: this.scope.rulePackId,
      rulePackVersion: this.scope.rulePackVersion,
    });
    const task: TrackedTask = { opened };
    this.tracked.set(opened.taskId, task);
    const decided = () => task.decision !== undefined;
    const untilDue = Date.parse(opened.dueAt) - Date.now();
    const decidedInTime = !opened.overdue && untilDue > 0 && (await condition(decided, untilDue));
    if (!decidedInTime && !decided() && !opened.overdue) {
      await markTaskOverdue({ taskId: opened.taskId, at: new Date().toISOString() });
    }
    await condition(() => task.closed !== undefined);
    this.tracked.delete(opened.taskId);
    return task.closed!;
  }

  private validate(request: CompleteTaskRequest): void {
    const task = this.tracked.get(request.taskId);
    if (!task || task.decision) throw toFailure(new DomainError('task-closed', 'this task is no longer open'));
    try {
      assertMayComplete(request.actor, task.opened, taskDefinition(task.opened.type), request.outcome);
    } catch (error) {
      throw error instanceof DomainError ? toFailure(error) : error;
    }
  }

  private async complete(request: CompleteTaskRequest): Promise<CompletedTask> {
    const task = this.tracked.get(request.taskId)!;
    task.decision = request;
    const completed: CompletedTask = {
      taskId: request.taskId,
      outcome: request.outcome,
      completedBy: request.actor.userId,
      completedAt: new Date().toISOString(),
    };
    try {
      await closeTask({ ...completed, completionKey: request.completionKey, submissionId: request.submissionId });
    } catch (error) {
      task.decision = undefined;
      throw error;
    }
    task.closed = completed;
    return completed;
  }

  private view(task: OpenedTask): OpenTaskView {
    return { taskId: task.taskId, type: task.type, candidateRole: task.candidateRole, assigneeId: task.assigneeId, dueAt: task.dueAt };
  }
}
