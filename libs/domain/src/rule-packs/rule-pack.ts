import { LocalDate, fromLocal, toLocal } from '../calendar/local-date';
import { WorkingDayCalendar, WorkingDays } from '../calendar/working-day-calendar';
import type { MatchingWeights } from '../children/matching';

export type DurationUnit = 'working-days' | 'calendar-days' | 'weeks' | 'months' | 'seconds';

export interface RuleDuration {
  amount: number;
  unit: DurationUnit;
}

/** One statutory or agency clock: due `offset` after the `anchor` event. */
export interface DeadlineRule {
  id: string;
  /** Where the figure comes from, e.g. "NMS 14.4" or "agency rule". */
  source: string;
  /** The event the clock starts from, e.g. "task-opened", "application-received". */
  anchor: string;
  offset: RuleDuration;
  /** Reminders to the assignee, this long before due (first one is the task's follow-up date). */
  remindBefore: readonly RuleDuration[];
  /** Escalations to the team manager, this long after due. */
  escalateAfter: readonly RuleDuration[];
  /** A due date that lands on a weekend or holiday moves to the next working day. */
  onDayOff?: 'roll-forward';
}

/** A versioned set of clocks for one jurisdiction; a new version applies to new cycles only. */
export interface RulePack {
  id: string;
  version: number;
  jurisdiction: string;
  effectiveFrom: LocalDate;
  timeZone: string;
  weekend: readonly number[];
  rules: Readonly<Record<string, DeadlineRule>>;
  /** Figures that are not clocks (absent in packs written before figures existed: see `packFigures`). */
  figures?: Partial<RulePackFigures>;
  /** Packs whose clocks run in seconds: chosen by tests only, never by a deployment. */
  testOnly?: boolean;
}

/** The numbers a pack sets that are not deadlines. */
export interface RulePackFigures {
  /** Panel members besides the chair needed for a quorum (agency rule: at least two). */
  panelQuorumMembers: number;
  /** How much each consideration counts in a child's shortlist of carer households. */
  matching: MatchingWeights;
}

const DEFAULT_FIGURES: RulePackFigures = {
  panelQuorumMembers: 2,
  // Brothers and sisters together first (Children Act 1989 s.22C(8)); then language, nearness, background.
  matching: { siblingsTogether: 30, language: 20, schoolDistance: 10, familyDistance: 10, ethnicity: 10, religion: 10, culture: 10, nearWithinKm: 5, farFromKm: 50 },
};

/** A pack's figures, with the defaults every pack shares. */
export function packFigures(pack: RulePack): RulePackFigures {
  return { ...DEFAULT_FIGURES, ...pack.figures };
}

/** A due date with the rule and pack version that produced it, as recorded on tasks. */
export interface ComputedDeadline {
  dueAt: Date;
  /** The first reminder: when the assignee should pick the task up. */
  followUpAt: Date | null;
  /** When to remind the assignee, and when to escalate to the team manager. */
  remindAt: Date[];
  escalateAt: Date[];
  ruleId: string;
  rulePackId: string;
  rulePackVersion: number;
}

function addMonths(instant: Date, months: number, timeZone: string): Date {
  const local = toLocal(instant, timeZone);
  const monthIndex = local.month - 1 + months;
  const year = local.year + Math.floor(monthIndex / 12);
  const month = (((monthIndex % 12) + 12) % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return fromLocal({ ...local, year, month, day: Math.min(local.day, lastDay) }, timeZone);
}

function addCalendarDays(instant: Date, days: number, timeZone: string): Date {
  const local = toLocal(instant, timeZone);
  const shifted = new Date(Date.UTC(local.year, local.month - 1, local.day + days));
  return fromLocal(
    { ...local, year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() },
    timeZone,
  );
}

/** Moves an instant by a rule duration (negative amounts go back), on the given calendar. */
export function shiftBy(instant: Date, duration: RuleDuration, calendar: WorkingDayCalendar, sign: 1 | -1 = 1): Date {
  const amount = duration.amount * sign;
  switch (duration.unit) {
    case 'seconds':
      return new Date(instant.getTime() + amount * 1000);
    case 'calendar-days':
      return addCalendarDays(instant, amount, calendar.timeZone);
    case 'weeks':
      return addCalendarDays(instant, amount * 7, calendar.timeZone);
    case 'months':
      return addMonths(instant, amount, calendar.timeZone);
    case 'working-days':
      return new WorkingDays(calendar).addToInstant(instant, amount);
  }
}

/** The calendar a pack runs on, given the holidays declared for its jurisdiction. */
export function calendarOf(pack: RulePack, holidays: readonly LocalDate[]): WorkingDayCalendar {
  return { timeZone: pack.timeZone, weekend: pack.weekend, holidays };
}

/** When a rule's clock, started at `anchorAt`, falls due under a pack and its calendar. */
export function computeDeadline(pack: RulePack, ruleId: string, anchorAt: Date, holidays: readonly LocalDate[]): ComputedDeadline {
  const rule = pack.rules[ruleId];
  if (!rule) throw new RangeError(`rule ${ruleId} is not in rule pack ${pack.id} v${pack.version}`);
  const calendar = calendarOf(pack, holidays);
  const shifted = shiftBy(anchorAt, rule.offset, calendar);
  const dueAt = rule.onDayOff === 'roll-forward' ? new WorkingDays(calendar).rollForward(shifted) : shifted;
  return { dueAt, ...noticeTimes(rule, dueAt, calendar), ruleId, rulePackId: pack.id, rulePackVersion: pack.version };
}

/** When to remind before a due date and escalate after it, under a rule. */
export function noticeTimes(rule: DeadlineRule, dueAt: Date, calendar: WorkingDayCalendar): Pick<ComputedDeadline, 'followUpAt' | 'remindAt' | 'escalateAt'> {
  const remindAt = rule.remindBefore.map((before) => shiftBy(dueAt, before, calendar, -1));
  return { followUpAt: remindAt[0] ?? null, remindAt, escalateAt: rule.escalateAfter.map((after) => shiftBy(dueAt, after, calendar)) };
}
