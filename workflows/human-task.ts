import { condition, patched, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import { assertMayComplete, DomainError, taskDefinition, TaskType } from '@hearth/domain';
import type { OpenedTask, TaskActivities, TaskSchedule } from './contracts/activities.contract';
import { toFailure } from './failures';
import { CompletedTask, CompleteTaskRequest, completeTaskUpdate, deadlinesChangedSignal, openTasksQuery, OpenTaskView } from './contracts/human-task.contract';

const { openTask, markTaskOverdue, notifyTask, recomputeTaskDeadline } = proxyActivities<TaskActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

// Closing runs as a local activity inside the Update handler: the staff member's request waits for
// it, and a local activity saves the round trip through the server's activity task queue.
const { closeTask } = proxyLocalActivities<TaskActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '2 seconds', maximumAttempts: 10 },
});

/** Reminders before due, the overdue mark at due and escalations after it (2026-11, issue 4). */
const CHECKPOINTS_PATCH = 'human-task-checkpoints';

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
  /** When the task's clock starts, if not when it opens (a panel sitting). */
  anchorAt?: string;
}

/** Extra checks a workflow makes on a completion, e.g. separation of duties. */
export type CompletionGuard = (request: CompleteTaskRequest, task: OpenedTask) => void;

interface TrackedTask {
  opened: OpenedTask;
  schedule: TaskSchedule;
  /** Bumped when a calendar change moves the deadlines, so the waiting loop re-reads them. */
  scheduleVersion: number;
  decision?: CompleteTaskRequest;
  closed?: CompletedTask;
}

/**
 * The one pattern every Hearth workflow uses for a human step: open a task, wait for a staff
 * decision (an Update) or the deadline, remind before it, mark the task overdue once when it
 * passes and escalate after, keep waiting, then close the task with the outcome.
 */
export class HumanTasks {
  private readonly tracked = new Map<string, TrackedTask>();
  /** openTask activities in flight: their rows may already be in the inbox before this workflow knows their ids. */
  private opening = 0;

  constructor(
    private readonly scope: HumanTaskScope,
    private readonly guard: CompletionGuard = () => undefined,
  ) {
    setHandler(completeTaskUpdate, (request) => this.complete(request), { validator: (request) => this.validate(request) });
    setHandler(openTasksQuery, () => [...this.tracked.values()].filter((t) => !t.decision).map((t) => this.view(t)));
    setHandler(deadlinesChangedSignal, () => this.recomputeDeadlines());
  }

  /** Opens a task and resolves with the staff decision once the task is closed. */
  async run(spec: HumanTaskSpec): Promise<CompletedTask> {
    // try/finally, not .finally(): an extra promise tick would reorder commands between parallel tasks.
    this.opening++;
    let opened: OpenedTask;
    try {
      opened = await openTask({
        taskKey: spec.key,
        type: spec.type,
        caseRef: this.scope.caseRef,
        assigneeId: spec.assigneeId ?? null,
        rulePackId: this.scope.rulePackId,
        rulePackVersion: this.scope.rulePackVersion,
        ...(spec.anchorAt ? { anchorAt: spec.anchorAt } : {}),
      });
    } finally {
      this.opening--;
    }
    const task: TrackedTask = {
      opened,
      schedule: { dueAt: opened.dueAt, remindAt: opened.remindAt ?? [], escalateAt: opened.escalateAt ?? [] },
      scheduleVersion: 0,
    };
    this.tracked.set(opened.taskId, task);
    if (patched(CHECKPOINTS_PATCH)) await this.watchDeadlines(task);
    else await this.watchDueDate(task);
    await condition(() => task.closed !== undefined);
    this.tracked.delete(opened.taskId);
    return task.closed!;
  }

  /** A staff action arrived for a task this workflow may still be opening: ask the caller to retry. */
  assertSettled(): void {
    if (this.opening > 0) throw toFailure(new DomainError('not-ready', 'the case is still opening its tasks; retry in a moment'));
  }

  /** The open task of a type, for Updates that complete a task by other means (a panel booking). */
  openTaskOfType(type: TaskType): OpenedTask | undefined {
    return [...this.tracked.values()].find((t) => t.opened.type === type && !t.decision)?.opened;
  }

  /** Issue 3's behaviour, kept for cases that started before reminders existed. */
  private async watchDueDate(task: TrackedTask): Promise<void> {
    const decided = () => task.decision !== undefined;
    const untilDue = Date.parse(task.opened.dueAt) - Date.now();
    const decidedInTime = !task.opened.overdue && untilDue > 0 && (await condition(decided, untilDue));
    if (!decidedInTime && !decided() && !task.opened.overdue) {
      await markTaskOverdue({ taskId: task.opened.taskId, at: new Date().toISOString() });
    }
  }

  /**
   * Waits for a decision while passing each checkpoint in time order: reminders, the overdue mark,
   * escalations. A calendar change bumps the schedule version and the wait starts again with the
   * new times, so a moved deadline moves its timer and nothing fires early.
   */
  private async watchDeadlines(task: TrackedTask): Promise<void> {
    const decided = () => task.decision !== undefined;
    const passed = new Set<string>(task.opened.overdue ? ['overdue'] : []);
    while (!decided()) {
      const next = this.checkpoints(task).find((checkpoint) => !passed.has(checkpoint.key));
      const version = task.scheduleVersion;
      const moved = () => decided() || task.scheduleVersion !== version;
      if (!next) {
        await condition(moved);
        continue;
      }
      const wait = next.at - Date.now();
      if (wait > 0 && (await condition(moved, wait))) continue;
      if (decided() || task.scheduleVersion !== version) continue;
      await next.act();
      passed.add(next.key);
    }
  }

  private checkpoints(task: TrackedTask) {
    const taskId = task.opened.taskId;
    const notice = (kind: 'task-reminder' | 'task-escalated', at: string, sequence: number) => ({
      key: `${kind}:${sequence}`,
      at: Date.parse(at),
      act: () => notifyTask({ taskId, kind, sequence, at: new Date().toISOString() }),
    });
    return [
      ...task.schedule.remindAt.map((at, i) => notice('task-reminder', at, i)),
      { key: 'overdue', at: Date.parse(task.schedule.dueAt), act: () => markTaskOverdue({ taskId, at: new Date().toISOString() }) },
      ...task.schedule.escalateAt.map((at, i) => notice('task-escalated', at, i)),
    ].sort((a, b) => a.at - b.at);
  }

  private async recomputeDeadlines(): Promise<void> {
    for (const task of [...this.tracked.values()].filter((t) => !t.decision)) {
      task.schedule = await recomputeTaskDeadline({ taskId: task.opened.taskId });
      task.scheduleVersion++;
    }
  }

  private validate(request: CompleteTaskRequest): void {
    const task = this.tracked.get(request.taskId);
    if (!task) this.assertSettled();
    if (!task || task.decision) throw toFailure(new DomainError('task-closed', 'this task is no longer open'));
    const definition = taskDefinition(task.opened.type);
    try {
      if (definition.completedThrough) throw new DomainError('invalid-outcome', `this task is completed through ${definition.completedThrough}`);
      assertMayComplete(request.actor, task.opened, definition, request.outcome);
      this.guard(request, task.opened);
    } catch (error) {
      throw error instanceof DomainError ? toFailure(error) : error;
    }
  }

  /** Records a decision and closes the task; also used by Updates that complete a task by other means. */
  async complete(request: CompleteTaskRequest): Promise<CompletedTask> {
    const task = this.tracked.get(request.taskId)!;
    task.decision = request;
    const completed: CompletedTask = {
      taskId: request.taskId,
      outcome: request.outcome,
      completedBy: request.actor.userId,
      completedAt: new Date().toISOString(),
      submissionId: request.submissionId,
    };
    try {
      await closeTask({ ...completed, completionKey: request.completionKey, submissionId: request.submissionId ?? null });
    } catch (error) {
      task.decision = undefined;
      throw error;
    }
    task.closed = completed;
    return completed;
  }

  private view(task: TrackedTask): OpenTaskView {
    const { taskId, type, candidateRole, assigneeId } = task.opened;
    return { taskId, type, candidateRole, assigneeId, dueAt: task.schedule.dueAt };
  }
}
