/** What an alert is about; the one list every layer reads. */
export const ALERT_KINDS = [
  'task-overdue',
  'task-reminder',
  'task-escalated',
  /** A statutory clock of the case passed (e.g. 8 months from application to recommendation). */
  'statutory-ceiling',
  /** A statutory clock of the case is coming due. */
  'case-clock-warning',
  /** A step of the case failed for good and waits for an admin to retry it. */
  'needs-attention',
  /** An approved household changed (e.g. an adult joined): its review is due. */
  'household-changed',
  /** A check on the case (background, reference, medical…) found concerns: the team manager reads them. */
  'check-concerns',
  /** Someone who holds an open task was deactivated or left the case's team: the team manager moves it. */
  'holder-unavailable',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** The notices a task sends while it waits: before due to its holder, after due to managers. */
export type TaskNoticeKind = Extract<AlertKind, 'task-reminder' | 'task-escalated'>;

export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
