import type { HouseholdStage, StaffRole } from '@hearth/domain';

/** What a workflow asks for when it opens a human task. */
export interface OpenTaskInput {
  taskKey: string;
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
  closeTask(input: CloseTaskInput): Promise<void>;
}

/** Activities that keep a household's projection: its stage, as staff see it. */
export interface HouseholdActivities {
  recordHouseholdStage(input: { householdId: string; stage: HouseholdStage; actorId: string | null }): Promise<void>;
}
