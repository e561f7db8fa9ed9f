import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, StaffRole } from '@hearth/domain';
import type { TaskSchedule } from './activities.contract';

/** A staff member's decision on an open task. Ids and the outcome only: form data stays in PostgreSQL. */
export interface CompleteTaskRequest {
  taskId: string;
  outcome: string;
  actor: Actor;
  /** The request's idempotency key; also the Update id, so a retry has one effect. */
  completionKey: string;
  submissionId: string | null;
}

export interface CompletedTask<O extends string = string> {
  taskId: string;
  outcome: O;
  completedBy: string;
  completedAt: string;
  /** The form staff sent with the decision, kept in PostgreSQL (absent in older histories). */
  submissionId?: string | null;
}

export interface OpenTaskView {
  taskId: string;
  type: string;
  candidateRole: StaffRole;
  assigneeId: string | null;
  dueAt: string;
}

/** Sent by the API when staff complete a task; the validator refuses before anything is written. */
export const completeTaskUpdate = defineUpdate<CompletedTask, [CompleteTaskRequest]>('completeTask');

/** The tasks a case is waiting on, from the workflow's own state. */
export const openTasksQuery = defineQuery<OpenTaskView[]>('openTasks');

/** The calendar changed: recompute the deadlines of open tasks and move their timers (once per change). */
export const deadlinesChangedSignal = defineSignal<[DeadlinesChanged?]>('deadlinesChanged');

export interface DeadlinesChanged {
  /** The calendar change that moved the deadlines (absent from signals sent before changes were recorded). */
  changeId?: string;
  /** The change's place in the order of changes: a task takes a schedule only from a newer change than the last. */
  seq?: number;
  /** The new deadlines of the case's open tasks, already written by the change: no activity needed. */
  schedules?: Record<string, TaskSchedule>;
}

/** The Update id for a completion: one per task and idempotency key. */
export function completeTaskUpdateId(taskId: string, idempotencyKey: string): string {
  return `complete-task:${taskId}:${idempotencyKey}`;
}

/**
 * Staff move open tasks between people: a team manager reassigns them (one, or all of a worker's),
 * a member of staff claims a task offered to their role or releases it back. `assigneeId` null
 * releases the tasks to their role. The API reads the new holder's roles; the workflow checks that
 * they may do each task and would not breach separation of duties.
 */
export interface AssignTasksRequest {
  taskIds: string[];
  assigneeId: string | null;
  assigneeRoles: StaffRole[];
  actor: Actor;
  reason: 'reassigned' | 'claimed' | 'released';
  /** Set for a claim (null) or a release (the holder): refused if the task is held otherwise by now. */
  expectedAssigneeId?: string | null;
}

export const assignTasksUpdate = defineUpdate<{ taskIds: string[] }, [AssignTasksRequest]>('assignTasks');

/** The Update id for a move of tasks: one per request's idempotency key. */
export function assignTasksUpdateId(idempotencyKey: string): string {
  return `assign-tasks:${idempotencyKey}`;
}
