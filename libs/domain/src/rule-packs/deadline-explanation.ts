import { addDaysToDate, dayOfWeek, LocalDate, localDateOf } from '../calendar/local-date';
import { RuleDuration, RulePack } from './rule-pack';

/** A day the clock did not count: a weekend day, or a day off with its name. */
export interface SkippedDay {
  date: LocalDate;
  reason: 'weekend' | 'day-off';
  /** The day off's name (Nawroz, a heat closure); null for a weekend. */
  name: string | null;
}

/** Why a task is due when it is: the rule, the pack version, what it counted from, and the days it skipped. */
export interface DeadlineExplanation {
  ruleId: string;
  /** Where the figure comes from, e.g. "NMS 14.4" or "agency rule". */
  source: string;
  rulePackId: string;
  rulePackVersion: number;
  offset: RuleDuration;
  /** The event the clock runs from, and its date on the jurisdiction's clock. */
  anchor: string;
  anchorDate: LocalDate;
  dueDate: LocalDate;
  timeZone: string;
  /** Days between the anchor and the due date (either way round) that were not working days. */
  skipped: SkippedDay[];
}

const MAX_SPAN_DAYS = 800;

/**
 * Explains a due date (as recorded: calendar changes may have moved it) under the pack version
 * that made it: the non-working days between its anchor and its due date are the days skipped.
 */
export function explainDeadline(pack: RulePack, ruleId: string, anchorAt: Date, dueAt: Date, daysOff: readonly { date: LocalDate; name: string }[]): DeadlineExplanation {
  const rule = pack.rules[ruleId];
  if (!rule) throw new RangeError(`rule ${ruleId} is not in rule pack ${pack.id} v${pack.version}`);
  const anchorDate = localDateOf(anchorAt, pack.timeZone);
  const dueDate = localDateOf(dueAt, pack.timeZone);
  const names = new Map(daysOff.map((day) => [day.date, day.name]));
  const [first, last] = anchorDate <= dueDate ? [anchorDate, dueDate] : [dueDate, anchorDate];
  const skipped: SkippedDay[] = [];
  // The anchor's own day is not counted either way; the due date's is, when it was rolled onto.
  for (let day = addDaysToDate(first, 1), guard = 0; day <= last && guard < MAX_SPAN_DAYS; day = addDaysToDate(day, 1), guard++) {
    if (names.has(day)) skipped.push({ date: day, reason: 'day-off', name: names.get(day)! });
    else if (pack.weekend.includes(dayOfWeek(day))) skipped.push({ date: day, reason: 'weekend', name: null });
  }
  return {
    ruleId,
    source: rule.source,
    rulePackId: pack.id,
    rulePackVersion: pack.version,
    offset: rule.offset,
    anchor: rule.anchor,
    anchorDate,
    dueDate,
    timeZone: pack.timeZone,
    skipped,
  };
}
