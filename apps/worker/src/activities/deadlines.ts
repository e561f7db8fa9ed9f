import { calendarOf, computeDeadline, ComputedDeadline, LocalDate, localDateOf, noticeTimes, rulePacks, rulePackVersion } from '@hearth/domain';
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

  /**
   * Deadlines computed without a query each: the holidays of these packs' jurisdictions read once,
   * from a year before `from` (for many tasks at a time, e.g. a calendar change's page).
   */
  async snapshot(packIds: readonly string[], from: Date) {
    const holidays = new Map<string, LocalDate[]>();
    for (const pack of rulePacks.filter((p) => packIds.includes(p.id))) {
      if (!holidays.has(pack.jurisdiction)) holidays.set(pack.jurisdiction, await this.holidaysAround(pack.jurisdiction, pack.timeZone, from));
    }
    return {
      compute: (rulePackId: string, version: number, ruleId: string, anchorAt: Date): ComputedDeadline => {
        const pack = rulePackVersion(rulePackId, version);
        return computeDeadline(pack, ruleId, anchorAt, holidays.get(pack.jurisdiction) ?? []);
      },
      notices: (rulePackId: string, version: number, ruleId: string, dueAt: Date) => {
        const pack = rulePackVersion(rulePackId, version);
        return noticeTimes(pack.rules[ruleId], dueAt, calendarOf(pack, holidays.get(pack.jurisdiction) ?? []));
      },
    };
  }

  // Deadlines can count back from their anchor (panel papers), so read a year either side of it.
  private holidaysAround(jurisdiction: string, timeZone: string, at: Date) {
    return this.holidays.datesFrom(jurisdiction, localDateOf(new Date(at.getTime() - YEAR_MS), timeZone));
  }
}
