/** Ids only: the change's day and reason live in PostgreSQL. */
export interface CalendarChangeInput {
  changeId: string;
  /** Where a continued run picks up: the last case told, and how many so far. */
  after?: string | null;
  signalled?: number;
}

/** One workflow per calendar change, `calendar-change:{id}`. */
export function calendarChangeWorkflowId(changeId: string): string {
  return `calendar-change:${changeId}`;
}
