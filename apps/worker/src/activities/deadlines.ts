import { calendarOf, computeDeadline, ComputedDeadline, localDateOf, noticeTimes, rulePackVersion } from '@hearth/domain';
import { CalendarHolidaysRepository } from '@hearth/persistence';

const YEAR_MS = 366 * 24 * 3600 * 1000;

/** Deadlines from a case's recorded rule pack version and its jurisdiction's declared holidays. */
export class Deadlines {
  constructor(private readonly holidays: CalendarHolidaysRepository) {}

  async compute(rulePackId: string, rulePackVersionNumber: number, ruleId: string, anchorAt: Date): Promise<ComputedDeadline> {
    const pack = rulePackVersion(rulePackId, rulePackVersionNumber);
    return computeDeadline(pack, ruleId, anchorAt, await this.holidaysAround(pack.jurisdiction, pack.timeZone, anchorAt));
  }

  /** Reminder and escalation times for a due date already fixed (a task row's). */
  async notices(rulePackId: string, rulePackVersionNumber: number, ruleId: string, dueAt: Date) {
    const pack = rulePackVersion(rulePackId, rulePackVersionNumber);
    const holidays = await this.holidaysAround(pack.jurisdiction, pack.timeZone, dueAt);
    return noticeTimes(pack.rules[ruleId], dueAt, calendarOf(pack, holidays));
  }

  // Deadlines can count back from their anchor (panel papers), so read a year either side of it.
  private holidaysAround(jurisdiction: string, timeZone: string, at: Date) {
    return this.holidays.datesFrom(jurisdiction, localDateOf(new Date(at.getTime() - YEAR_MS), timeZone));
  }
}
