import type { HouseholdStage, StaffRole } from '@hearth/domain';

/** What a workflow asks for when it opens a human task. */
export interface OpenTaskInput {
  taskKey: string;
  /** When the task's clock starts (a panel sitting, say); the moment it opens if absent. */
  anchorAt?: string;
  type: string;
  caseRef: string;
  assigneeId: string | null;
  rulePackId: string;
  rulePackVersion: number;
}

/** The task as opened: its id and the deadline computed from the rule pack and calendar. */
export interface OpenedTask {
  taskId: string;
  type: string;
  candidateRole: StaffRole;
  assigneeId: string | null;
  dueAt: string;
  status: 'open' | 'completed' | 'cancelled';
  overdue: boolean;
  /** Absent in histories recorded before reminders and escalations existed. */
  remindAt?: string[];
  escalateAt?: string[];
}

/** A task's deadlines, recomputed after a calendar change. */
export interface TaskSchedule {
  dueAt: string;
  remindAt: string[];
  escalateAt: string[];
}

export interface CloseTaskInput {
  taskId: string;
  outcome: string;
  completedBy: string;
  completedAt: string;
  completionKey: string;
  submissionId: string | null;
}

/** Activities for the human-task primitive, implemented in apps/worker over PostgreSQL. */
export interface TaskActivities {
  openTask(input: OpenTaskInput): Promise<OpenedTask>;
  markTaskOverdue(input: { taskId: string; at: string }): Promise<{ alertRaised: boolean }>;
  notifyTask(input: { taskId: string; kind: 'task-reminder' | 'task-escalated'; sequence: number; at: string }): Promise<{ raised: boolean }>;
  closeTask(input: CloseTaskInput): Promise<void>;
  recomputeTaskDeadline(input: { taskId: string }): Promise<TaskSchedule>;
  /** Cancels every open task of the calling workflow. */
  cancelOpenTasks(input: { reason: string; actorId: string | null }): Promise<number>;
}

/** Activities that keep a household's projection: its stage, as staff see it. */
export interface HouseholdActivities {
  recordHouseholdStage(input: { householdId: string; stage: HouseholdStage; actorId: string | null }): Promise<void>;
  /** Ids of the adults living in the household now. */
  listAdults(input: { householdId: string }): Promise<string[]>;
  /** When a case-level clock falls due, e.g. the 8-month ceiling from application to recommendation. */
  computeCaseDeadline(input: { ruleId: string; rulePackId: string; rulePackVersion: number; anchorAt: string }): Promise<string>;
  raiseCaseAlert(input: { caseRef: string; ruleId: string; at: string }): Promise<void>;
  resolveCaseAlert(input: { caseRef: string; ruleId: string; at: string }): Promise<void>;
  recordPanelBooking(input: { panelId: string; householdId: string; sittingAt: string; rulePackId: string; rulePackVersion: number; actorId: string }): Promise<void>;
  recordPapersSent(input: { panelId: string; householdId: string; at: string }): Promise<void>;
  recordPanelRecommendation(input: { panelId: string; householdId: string; recommendation: string }): Promise<void>;
  /** Puts the household on the carer register with the terms in the decision's form. */
  enterCarerRegister(input: { householdId: string; decisionSubmissionId: string | null; actorId: string; at: string }): Promise<void>;
}
