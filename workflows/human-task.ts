import { ActivityOptions, condition, patched, proxyActivities, proxyLocalActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { Actor, assertMayComplete, DomainError, taskDefinition, TaskNoticeKind, TaskOutcome, TaskSubject, TaskType } from '@hearth/domain';
import { caseActivityOptions } from './activity-options';
import type { OpenedTask, TaskActivities, TaskSchedule } from './contracts/activities.contract';
import {
  AssignTasksRequest,
  assignTasksUpdate,
  CompletedTask,
  CompleteTaskRequest,
  completeTaskUpdate,
  DeadlinesChanged,
  deadlinesChangedSignal,
  openTasksQuery,
  OpenTaskView,
} from './contracts/human-task.contract';
import { CaseSteps } from './case-steps';
import { toFailure } from './failures';

const activities = proxyActivities<TaskActivities>(caseActivityOptions);
/**
 * For writes made by Update handlers: a staff action the server has accepted must reach
 * PostgreSQL, so these retry until it does (staff see 503 meanwhile, and the same Idempotency-Key
 * gets the result once it has, instead of a failure kept under the Update id for ever).
 */
export const inUpdateHandler: ActivityOptions = { startToCloseTimeout: '10 seconds', retry: { initialInterval: '200 milliseconds', maximumInterval: '10 seconds' } };
const closing = proxyActivities<TaskActivities>(inUpdateHandler);
// Issue 3's proxies, kept for cases whose histories used them (see the patches below).
const legacy = proxyActivities<TaskActivities>({ startToCloseTimeout: '30 seconds', retry: { initialInterval: '1 second', maximumInterval: '1 minute' } });
const legacyClose = proxyLocalActivities<TaskActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '2 seconds', maximumAttempts: 10 },
});

/** Reminders before due, the overdue mark at due and escalations after it (2026-11, issue 4). */
const CHECKPOINTS_PATCH = 'human-task-checkpoints';
/**
 * Issue 7: a task is closed by a regular activity scheduled from the Update handler, which the
 * server records together with the Update's acceptance, so PostgreSQL never shows a decision the
 * server could still lose. (A local activity ran before the acceptance was durable.) Task opens
 * wait for cancellation to complete, so an exit never leaves a row opened after it.
 */
export const DURABLE_CLOSE_PATCH = 'human-task-durable-close';
/**
 * Issue 7, later: reminders, overdue marks, escalations, deadline recomputes and case clocks run
 * as case steps too (a failure for good waits for a retry). Wrapping a call adds promise ticks,
 * which would reorder commands in histories recorded before it: hence a patch of its own.
 */
export const STEPS_PATCH = 'case-steps-around-deadlines';

/** The case a workflow's tasks belong to, and the rule pack version its deadlines come from. */
export interface HumanTaskScope {
  caseRef: string;
  rulePackId: string;
  rulePackVersion: number;
}

export interface HumanTaskSpec<T extends TaskType = TaskType> {
  /** Unique within the workflow run: a retried open finds the same task. */
  key: string;
  type: T;
  assigneeId?: string | null;
  /** When the task's clock starts, if not when it opens (a panel sitting). */
  anchorAt?: string;
  /** The clock, where this task runs on another than its type's rule. */
  ruleId?: string;
  /** Which household member, which referee. */
  subject?: TaskSubject;
}

/** Extra checks a workflow makes on a completion, e.g. separation of duties. */
export type CompletionGuard = (request: CompleteTaskRequest, task: OpenedTask) => void;
/** Throws the pathway's reason why this person may not hold this task (separation of duties, the panel's own rules). */
export type AssignmentGuard = (assigneeId: string, task: OpenedTask) => void;
/**
 * Work a pathway does inside the completing Update, before the task closes: if it fails, the
 * decision is refused and the task stays open (a match approved for a household whose last place
 * has just gone).
 */
export type BeforeClose = (request: CompleteTaskRequest, task: OpenedTask) => Promise<void>;

interface TrackedTask {
  opened: OpenedTask;
  schedule: TaskSchedule;
  /** Bumped when a calendar change moves the deadlines, so the waiting loop re-reads them. */
  scheduleVersion: number;
  /** The newest calendar change whose schedule the task took. */
  calendarSeq?: number;
  decision?: CompleteTaskRequest;
  closed?: CompletedTask;
  /** Cancelled by the workflow (the case moved to another sitting): its run() rejects with TaskWithdrawn. */
  withdrawn?: boolean;
  /** Being given to someone else: decisions and other moves wait until the rows agree (issue 8). */
  moving?: boolean;
}

/** A task the workflow itself cancelled (not a staff decision), e.g. its panel sitting was moved. */
export class TaskWithdrawn extends Error {
  constructor(readonly taskId: string) {
    super(`task ${taskId} was withdrawn`);
    this.name = 'TaskWithdrawn';
  }
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
  /** Calendar changes received so far: a task opened meanwhile recomputes its deadline once open. */
  private calendarChanges = 0;
  /** Calendar changes are applied one after the other, in the order they came. */
  private calendarQueue: Promise<void> = Promise.resolve();
  private readonly calendarListeners: (() => Promise<void>)[] = [];
  /** The calendar changes applied lately, so a change told twice moves the case once. */
  private readonly appliedChanges: string[] = [];
  private lastChangeId?: string;
  /** Set when the case is closing: no more decisions are accepted. */
  private refusal?: DomainError;

  constructor(
    private readonly scope: HumanTaskScope,
    private readonly guard: CompletionGuard = () => undefined,
    private readonly steps?: CaseSteps,
    private readonly assignmentGuard: AssignmentGuard = () => undefined,
    private readonly beforeClose?: BeforeClose,
  ) {
    setHandler(completeTaskUpdate, (request) => this.complete(request), { validator: (request) => this.validate(request) });
    setHandler(assignTasksUpdate, (request) => this.assign(request), { validator: (request) => this.validateAssignment(request) });
    setHandler(openTasksQuery, () => [...this.tracked.values()].filter((t) => !t.decision && !t.withdrawn).map((t) => this.view(t)));
    setHandler(deadlinesChangedSignal, (change) => {
      const changeId = change?.changeId;
      if (changeId) {
        if (this.appliedChanges.includes(changeId)) return; // each calendar change moves a case once
        this.appliedChanges.push(changeId);
        if (this.appliedChanges.length > 50) this.appliedChanges.shift();
      }
      this.calendarChanges++;
      this.lastChangeId = changeId;
      this.calendarQueue = this.calendarQueue.then(() => this.applyCalendarChange(change));
    });
  }

  /** Opens a task and resolves with the staff decision once the task is closed. */
  async run<T extends TaskType>(spec: HumanTaskSpec<T>): Promise<CompletedTask<TaskOutcome<T>>> {
    const durable = patched(DURABLE_CLOSE_PATCH);
    const changesBefore = this.calendarChanges;
    // try/finally, not .finally(): an extra promise tick would reorder commands between parallel tasks.
    this.opening++;
    let opened: OpenedTask;
    try {
      opened = durable ? await this.open(spec) : await legacy.openTask(this.openInput(spec, false));
    } finally {
      this.opening--;
    }
    // Found closed: a re-run (after a reset) of a step whose decision PostgreSQL already holds.
    if (opened.closed && opened.status === 'completed') return this.closedBefore(opened) as CompletedTask<TaskOutcome<T>>;
    const task: TrackedTask = {
      opened,
      schedule: { dueAt: opened.dueAt, remindAt: opened.remindAt ?? [], escalateAt: opened.escalateAt ?? [] },
      scheduleVersion: 0,
    };
    this.tracked.set(opened.taskId, task);
    if (durable && this.calendarChanges !== changesBefore) await this.recompute(task, this.lastChangeId);
    if (patched(CHECKPOINTS_PATCH)) await this.watchDeadlines(task);
    else await this.watchDueDate(task);
    await condition(() => task.closed !== undefined || task.withdrawn === true);
    this.tracked.delete(opened.taskId);
    if (task.withdrawn) throw new TaskWithdrawn(opened.taskId);
    return task.closed! as CompletedTask<TaskOutcome<T>>;
  }

  /** Cancels open tasks of the case with a reason, not by a staff decision; their runs reject with TaskWithdrawn. */
  async withdraw(types: readonly TaskType[], reason: string, actorId: string | null): Promise<void> {
    const open = [...this.tracked.values()].filter((t) => types.includes(t.opened.type as TaskType) && !t.decision && !t.withdrawn);
    if (open.length === 0) return;
    for (const task of open) task.withdrawn = true; // first, so no decision is accepted meanwhile
    await activities.cancelOpenTasks({ reason, actorId, taskIds: open.map((t) => t.opened.taskId) });
  }

  /** Called after the case's own calendar work, e.g. case clocks moving with the calendar. */
  onCalendarChange(listener: () => Promise<void>): void {
    this.calendarListeners.push(listener);
  }

  /** A staff action arrived for a task this workflow may still be opening: ask the caller to retry. */
  assertSettled(): void {
    if (this.opening > 0) throw toFailure(new DomainError('not-ready', 'the case is still opening its tasks; retry in a moment'));
  }

  /** The open task of a type, for Updates that complete a task by other means (a panel booking). */
  openTaskOfType(type: TaskType): OpenedTask | undefined {
    return [...this.tracked.values()].find((t) => t.opened.type === type && !t.decision)?.opened;
  }

  /** Whether a decision on a task of this type has been accepted and not yet finished with. */
  decided(type: TaskType): boolean {
    return [...this.tracked.values()].some((t) => t.opened.type === type && t.decision !== undefined);
  }

  /** The case is closing: every later decision is refused with this reason. */
  refuseDecisions(reason: string): void {
    this.refusal = new DomainError('conflict', reason);
  }

  private open(spec: HumanTaskSpec): Promise<OpenedTask> {
    const open = () => activities.openTask(this.openInput(spec, true));
    return this.steps ? this.steps.run(`open-task:${spec.key}`, open) : open();
  }

  /**
   * A step of a task's wait: one that fails for good waits for a retry (CaseSteps) instead of
   * failing the workflow, and is dropped once the task is decided, so it never holds the case back.
   */
  private step<T>(name: string, task: TrackedTask, attempt: () => Promise<T>): Promise<T | undefined> {
    const decided = () => task.decision !== undefined || task.withdrawn === true;
    return this.steps && patched(STEPS_PATCH) ? this.steps.run(name, attempt, decided) : attempt();
  }

  private openInput(spec: HumanTaskSpec, withRun: boolean) {
    return {
      taskKey: spec.key,
      type: spec.type,
      caseRef: this.scope.caseRef,
      assigneeId: spec.assigneeId ?? null,
      rulePackId: this.scope.rulePackId,
      rulePackVersion: this.scope.rulePackVersion,
      ...(spec.anchorAt ? { anchorAt: spec.anchorAt } : {}),
      ...(spec.ruleId ? { ruleId: spec.ruleId } : {}),
      ...(spec.subject ? { subject: spec.subject } : {}),
      ...(withRun ? { runId: workflowInfo().runId } : {}),
    };
  }

  private closedBefore(opened: OpenedTask): CompletedTask {
    const closed = opened.closed!;
    return { taskId: opened.taskId, outcome: closed.outcome, completedBy: closed.completedBy ?? '', completedAt: closed.completedAt ?? new Date().toISOString(), submissionId: closed.submissionId };
  }

  /** Issue 3's behaviour, kept for cases that started before reminders existed. */
  private async watchDueDate(task: TrackedTask): Promise<void> {
    const decided = () => task.decision !== undefined;
    const untilDue = Date.parse(task.opened.dueAt) - Date.now();
    const decidedInTime = !task.opened.overdue && untilDue > 0 && (await condition(decided, untilDue));
    if (!decidedInTime && !decided() && !task.opened.overdue) {
      await legacy.markTaskOverdue({ taskId: task.opened.taskId, at: new Date().toISOString() });
    }
  }

  /**
   * Waits for a decision while passing each checkpoint in time order: reminders, the overdue mark,
   * escalations. A calendar change bumps the schedule version and the wait starts again with the
   * new times, so a moved deadline moves its timer and nothing fires early; a checkpoint moved back
   * into the future is passed again when its new time comes.
   */
  private async watchDeadlines(task: TrackedTask): Promise<void> {
    const decided = () => task.decision !== undefined || task.withdrawn === true;
    const passed = new Set<string>(task.opened.overdue ? ['overdue'] : []);
    let seenVersion = task.scheduleVersion;
    while (!decided()) {
      if (task.scheduleVersion !== seenVersion) {
        seenVersion = task.scheduleVersion;
        for (const checkpoint of this.checkpoints(task)) if (checkpoint.at > Date.now()) passed.delete(checkpoint.key);
      }
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
    const proxy = patched(DURABLE_CLOSE_PATCH) ? activities : legacy;
    const notice = (kind: TaskNoticeKind, at: string, sequence: number) => ({
      key: `${kind}:${sequence}`,
      at: Date.parse(at),
      act: () => this.step(`${kind}:${taskId}:${sequence}`, task, () => proxy.notifyTask({ taskId, kind, sequence, at: new Date().toISOString() })),
    });
    return [
      ...task.schedule.remindAt.map((at, i) => notice('task-reminder', at, i)),
      // Overdue since the due instant itself, even if the worker was away when it passed.
      { key: 'overdue', at: Date.parse(task.schedule.dueAt), act: () => this.step(`mark-overdue:${taskId}`, task, () => proxy.markTaskOverdue({ taskId, at: task.schedule.dueAt })) },
      ...task.schedule.escalateAt.map((at, i) => notice('task-escalated', at, i)),
    ].sort((a, b) => a.at - b.at);
  }

  /**
   * Moves open tasks' timers for a calendar change: to the schedule the change already wrote (when
   * newer than the task's last), else recomputed through an activity (a task opened since, or a
   * signal without schedules); then the case's own clocks.
   */
  private async applyCalendarChange(change?: DeadlinesChanged): Promise<void> {
    for (const task of [...this.tracked.values()].filter((t) => !t.decision)) {
      const given = change?.schedules?.[task.opened.taskId];
      if (!given || change?.seq === undefined) {
        await this.recompute(task, change?.changeId);
      } else if (change.seq > (task.calendarSeq ?? 0)) {
        task.schedule = given;
        task.calendarSeq = change.seq;
        task.scheduleVersion++;
      }
    }
    for (const listener of this.calendarListeners) await listener();
  }

  private async recompute(task: TrackedTask, changeId?: string): Promise<void> {
    const input = { taskId: task.opened.taskId, ...(changeId ? { changeId } : {}) };
    const schedule = await this.step(`recompute-deadline:${task.opened.taskId}`, task, () => (patched(DURABLE_CLOSE_PATCH) ? activities : legacy).recomputeTaskDeadline(input));
    if (!schedule) return; // decided meanwhile: its deadlines no longer matter
    task.schedule = schedule;
    task.scheduleVersion++;
  }

  private validate(request: CompleteTaskRequest): void {
    if (this.refusal) throw toFailure(this.refusal);
    const task = this.tracked.get(request.taskId);
    if (!task) this.assertSettled();
    if (!task || task.decision || task.withdrawn) throw toFailure(new DomainError('task-closed', 'this task is no longer open'));
    if (task.moving) throw toFailure(new DomainError('not-ready', 'this task is being given to someone else; retry in a moment'));
    const definition = taskDefinition(task.opened.type);
    try {
      if (definition.completedThrough) throw new DomainError('invalid-outcome', `this task is completed through ${definition.completedThrough}`);
      assertMayComplete(request.actor, task.opened, definition, request.outcome);
      this.guard(request, task.opened);
    } catch (error) {
      throw error instanceof DomainError ? toFailure(error) : error;
    }
  }

  private validateAssignment(request: AssignTasksRequest): void {
    try {
      if (this.refusal) throw this.refusal;
      if (request.taskIds.length === 0) throw new DomainError('invalid-input', 'no tasks to move');
      for (const taskId of request.taskIds) {
        const task = this.tracked.get(taskId);
        if (!task) this.assertSettled();
        if (!task || task.decision || task.withdrawn) throw new DomainError('task-closed', `task ${taskId} is no longer open`);
        if (task.moving) throw new DomainError('not-ready', 'this task is being given to someone else; retry in a moment');
        // A claim or release is a compare-and-set: it holds only if the task is still where the person saw it.
        if (request.expectedAssigneeId !== undefined && task.opened.assigneeId !== request.expectedAssigneeId) {
          throw new DomainError('conflict', task.opened.assigneeId ? 'someone else holds this task now' : 'nobody holds this task now');
        }
        if (request.assigneeId === null) continue;
        if (!request.assigneeRoles.includes(task.opened.candidateRole)) {
          throw new DomainError('not-permitted', `task ${taskId} needs a ${task.opened.candidateRole}; the new holder is not one`);
        }
        this.assignmentGuard(request.assigneeId, task.opened);
      }
    } catch (error) {
      throw error instanceof DomainError ? toFailure(error) : error;
    }
  }

  /**
   * Moves open tasks to their new holder: the rows first (a regular activity, recorded with the
   * Update's acceptance), then this workflow's own record, so the inbox and the case agree.
   */
  private async assign(request: AssignTasksRequest): Promise<{ taskIds: string[] }> {
    // The new holder takes the tasks at once, in this activation: the former holder's decision is refused from now.
    const moving = request.taskIds.map((id) => this.tracked.get(id)).filter((task): task is TrackedTask => Boolean(task && !task.decision));
    for (const task of moving) {
      task.moving = true;
      task.opened = { ...task.opened, assigneeId: request.assigneeId };
    }
    try {
      const taskIds = moving.map((task) => task.opened.taskId);
      const moved = await closing.assignTasks({ taskIds, assigneeId: request.assigneeId, actorId: request.actor.userId, reason: request.reason });
      for (const task of moving) task.opened = { ...task.opened, assigneeId: moved.holders[task.opened.taskId] ?? request.assigneeId };
      return { taskIds: moved.taskIds };
    } finally {
      for (const task of moving) task.moving = false;
    }
  }

  /** A closing case takes no more staff actions. */
  get closing(): boolean {
    return this.refusal !== undefined;
  }

  /** The open tasks now held by this person, for a pathway that moves a holder's work (a new supervising worker). */
  openTasksHeldBy(assigneeId: string): string[] {
    return [...this.tracked.values()].filter((t) => !t.decision && !t.withdrawn && t.opened.assigneeId === assigneeId).map((t) => t.opened.taskId);
  }

  /** Moves tasks from inside the workflow (the pathway has checked who may hold them). */
  async reassignWithin(taskIds: string[], assigneeId: string, actor: Actor): Promise<void> {
    if (taskIds.length > 0) await this.assign({ taskIds, assigneeId, assigneeRoles: [], actor, reason: 'reassigned' });
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
    const input = { ...completed, completionKey: request.completionKey, submissionId: request.submissionId ?? null };
    try {
      // Only pathways that have one: an extra await would add a promise tick to every older history.
      if (this.beforeClose) await this.beforeClose(request, task.opened);
      await (patched(DURABLE_CLOSE_PATCH) ? closing.closeTask(input) : legacyClose.closeTask(input));
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
