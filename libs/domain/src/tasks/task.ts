import { StaffRole } from '../staff/staff-role';

export const TASK_STATUSES = ['open', 'completed', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** What kind of human step a task is: who may do it, which clock it runs on, what it may conclude. */
export interface TaskDefinition {
  type: string;
  title: string;
  candidateRole: StaffRole;
  ruleId: string;
  formKey: string;
  formVersion: number;
  priority: TaskPriority;
  outcomes: readonly string[];
  /** When set, the task is completed through this endpoint, not POST /tasks/{id}/complete. */
  completedThrough?: string;
  /** What one task of this type is about, when the case has several (which adult, which referee). */
  subject?: TaskSubjectKind;
}

/** What a task is about within its case: a member of the household (by id) or a numbered referee. */
export const TASK_SUBJECT_KINDS = ['household-member', 'referee'] as const;
export type TaskSubjectKind = (typeof TASK_SUBJECT_KINDS)[number];

export interface TaskSubject {
  kind: TaskSubjectKind;
  /** A household member's id, or the referee's number ("1", "2"). */
  id: string;
}

/** The facts about an open task that decide whether someone may complete it. */
export interface TaskAssignment {
  candidateRole: StaffRole;
  assigneeId: string | null;
}

/** A task as the inbox holds it. */
export interface TaskRecord {
  id: string;
  workflowId: string;
  taskKey: string;
  type: string;
  caseRef: string;
  candidateRole: StaffRole;
  assigneeId: string | null;
  status: TaskStatus;
  dueAt: Date;
  followUpAt: Date | null;
  overdueSince: Date | null;
  priority: TaskPriority;
  formKey: string;
  formVersion: number;
  outcome: string | null;
  completedBy: string | null;
  completedAt: Date | null;
  completionKey: string | null;
  submissionId: string | null;
  cancelReason: string | null;
  subjectKind: TaskSubjectKind | null;
  subjectId: string | null;
  /** The workflow run that opened the task (null for rows opened before runs were tracked). */
  runId: string | null;
  /** The case's team (team inboxes); null for a case without one. */
  teamId?: string | null;
  /** When this task's clock started (task opened, panel sitting, …). */
  anchorAt: Date;
  ruleId: string;
  rulePackId: string;
  rulePackVersion: number;
  createdAt: Date;
  updatedAt: Date;
}
