import type { CaseRef, HouseholdStage, PlacementType, StaffRole, TaskNoticeKind, TaskSubject } from '@hearth/domain';

/** What a workflow asks for when it opens a human task. */
export interface OpenTaskInput {
  taskKey: string;
  /** When the task's clock starts (a panel sitting, say); the moment it opens if absent. */
  anchorAt?: string;
  type: string;
  /** The clock, when this task runs on another than its type's (absent: the type's rule). */
  ruleId?: string;
  /** What the task is about within the case: which adult, which referee. */
  subject?: TaskSubject;
  caseRef: string;
  assigneeId: string | null;
  rulePackId: string;
  rulePackVersion: number;
  /** The workflow run opening it: a reset or re-run finds rows of an earlier run closed or reopens its own. */
  runId?: string;
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
  /** The decision already recorded on the row, when a re-run finds its task closed (absent before runs were tracked). */
  closed?: { outcome: string; completedBy: string | null; completedAt: string | null; submissionId: string | null };
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
  notifyTask(input: { taskId: string; kind: TaskNoticeKind; sequence: number; at: string }): Promise<{ raised: boolean }>;
  closeTask(input: CloseTaskInput): Promise<void>;
  /** `changeId`: the calendar change that caused it, for the audit trail. */
  recomputeTaskDeadline(input: { taskId: string; changeId?: string }): Promise<TaskSchedule>;
  /** Cancels the open tasks of the calling workflow: all of them, or those named. */
  cancelOpenTasks(input: { reason: string; actorId: string | null; taskIds?: string[] }): Promise<number>;
  /** Gives open tasks of the calling workflow to someone (null: back to their role; their delegate while they are on leave); audited with the reason. */
  assignTasks(input: { taskIds: string[]; assigneeId: string | null; actorId: string; reason: string }): Promise<{ taskIds: string[]; holders: Record<string, string | null> }>;
}

/** When a case clock falls due, and when to warn before it. */
export interface CaseClockSchedule {
  dueAt: string;
  warnAt: string[];
}

/** Activities of the case kit: case clocks and the alerts that need a manager's attention. */
export interface CaseActivities {
  /** When a case-level clock falls due, e.g. the 8-month ceiling. Older histories recorded the due date alone. */
  computeCaseDeadline(input: { ruleId: string; rulePackId: string; rulePackVersion: number; anchorAt: string }): Promise<CaseClockSchedule | string>;
  /** A case clock's warning before it is due, to the team managers. */
  warnCaseClock(input: { caseRef: string; ruleId: string; sequence: number; at: string }): Promise<void>;
  /** The breach of a case clock: one critical alert. */
  raiseCaseAlert(input: { caseRef: string; ruleId: string; at: string }): Promise<void>;
  /** The clock is met, or the case ended: its warnings and breach alert are done. */
  resolveCaseAlert(input: { caseRef: string; ruleId: string; at: string }): Promise<void>;
  /** A step failed for good: managers are asked to look, an admin may retry it. Resolved when it succeeds. */
  raiseNeedsAttention(input: { caseRef: CaseRef; step: string; at: string }): Promise<void>;
  /** A check found concerns: the team managers are told, once per task. */
  flagCheckConcerns(input: { caseRef: CaseRef; taskId: string; taskType: string; at: string }): Promise<void>;
  resolveNeedsAttention(input: { caseRef: CaseRef; step: string; at: string }): Promise<void>;
}

/** The panel stage's projection: agendas, papers, recommendations. */
export interface PanelActivities {
  /** Puts the case on a sitting's agenda; `movedFromPanelId`: the sitting it leaves (a rebooking). */
  recordPanelBooking(input: {
    panelId: string;
    householdId: string;
    sittingAt: string;
    rulePackId: string;
    rulePackVersion: number;
    actorId: string;
    movedFromPanelId?: string;
  }): Promise<void>;
  recordPapersSent(input: { panelId: string; householdId: string; at: string }): Promise<void>;
  recordPanelRecommendation(input: { panelId: string; householdId: string; recommendation: string }): Promise<void>;
}

/** The adults of a household at a moment, and when its next child comes of age (a check is due then). */
export interface HouseholdAdults {
  adultIds: string[];
  nextComingOfAgeAt: string | null;
}

/** Activities that keep a household's projection: its stage, as staff see it. */
export interface HouseholdActivities {
  /** The case file names the household's supervising worker (lists, search and need to know read it). */
  recordSupervisingWorker(input: { householdId: string; workerId: string; actorId: string | null }): Promise<void>;
  recordHouseholdStage(input: { householdId: string; stage: HouseholdStage; actorId: string | null }): Promise<void>;
  /** Ids of the adults living in the household now (kept for histories recorded before `householdAdults`). */
  listAdults(input: { householdId: string }): Promise<string[]>;
  /** The household's adults at `at`: members recorded as adults, and children who are 18 by then. */
  householdAdults(input: { householdId: string; at: string }): Promise<HouseholdAdults>;
  /** Records the decision beside the recommendation: a departure from the recommended outcome or terms is flagged on the case. */
  recordDecision(input: {
    householdId: string;
    recommendation: { outcome: string; submissionId: string | null };
    decision: { outcome: string; submissionId: string | null; actorId: string };
  }): Promise<{ departs: boolean }>;
  /** Puts the household on the carer register with the terms in the decision's form. */
  enterCarerRegister(input: { householdId: string; decisionSubmissionId: string | null; actorId: string; at: string }): Promise<void>;
}

/** The background work of one calendar change: tell every case it may move, page by page. */
export interface CalendarActivities {
  /** Workflow ids of the cases the change may move, in id order after `after`. */
  casesAffectedByChange(input: { changeId: string; after: string | null; limit: number }): Promise<string[]>;
  /** Signals each case once; `signalledBefore` + these is the progress recorded. */
  signalCasesOfChange(input: { changeId: string; workflowIds: string[]; signalledBefore: number }): Promise<void>;
  finishCalendarChange(input: { changeId: string }): Promise<void>;
}

/** A placement an approved match started: what its workflow needs, ids and dates only. */
export interface StartedPlacement {
  placementId: string;
  householdId: string;
  placementType: PlacementType;
  untilEighteen: boolean;
  startedOn: string;
  eighteenthBirthday: string;
  approvedBy: string;
}

/** The child's journey's projection: stage, care plan, proposals, placements, visits and reviews (issue 10). */
export interface ChildJourneyActivities {
  recordChildStage(input: { childId: string; stage: string; actorId: string | null }): Promise<void>;
  /** The care plan's placement type and whether it is meant to last to 18, onto the child (matching reads them). */
  applyCarePlan(input: { childId: string; submissionId: string | null }): Promise<void>;
  /** The proposal in the propose-match form, with its rank's score and reasons as they are now (one per task). */
  recordMatchProposal(input: { childId: string; taskId: string; submissionId: string | null; proposedBy: string }): Promise<{ proposalId: string; householdId: string }>;
  /**
   * The team manager's decision: an approval takes a place from the household and starts the
   * placement in one transaction (refused with `conflict` when no place is free or the child is
   * placed already); a rejection records its reasons.
   */
  decideMatch(input: { proposalId: string; outcome: string; submissionId: string | null; actorId: string }): Promise<{ placement: StartedPlacement | null }>;
  /** A statutory visit on its actual date; the next is counted from it. */
  recordVisit(input: { placementId: string; taskId: string; submissionId: string | null; recordedBy: string }): Promise<{ visitedOn: string }>;
  /** Ends the placement and frees the household's place (idempotent). */
  endPlacement(input: { placementId: string; reason: string; endedOn: string; actorId: string | null }): Promise<void>;
  /** A case review on its actual date; the next is counted from it. */
  recordReview(input: { childId: string; taskId: string; submissionId: string | null; chairedBy: string }): Promise<{ heldOn: string }>;
}
