import { addDaysToDate, dayOfWeek, formatLocalDate, LocalDate } from './local-date';
import { FRIDAY, SATURDAY, SUNDAY } from './working-day-calendar';

/** Kinds of day off in a jurisdiction's calendar. Every row is a day actually off: none is moved again. */
export const DAY_OFF_KINDS = ['public-holiday', 'religious-holiday', 'closure', 'substitute-day'] as const;
export type DayOffKind = (typeof DAY_OFF_KINDS)[number];

export interface DayOff {
  date: LocalDate;
  name: string;
  kind: DayOffKind;
}

/**
 * The days actually off for holidays declared on fixed dates: each one, and for one that falls on
 * a weekend, a substitute on the next working day not already off.
 */
export function withSubstituteDays(weekend: readonly number[], holidays: readonly DayOff[]): DayOff[] {
  const off = new Set(holidays.map((day) => day.date));
  const days: DayOff[] = [...holidays];
  for (const holiday of [...holidays].sort((a, b) => a.date.localeCompare(b.date))) {
    if (!weekend.includes(dayOfWeek(holiday.date))) continue;
    let day = holiday.date;
    do day = addDaysToDate(day, 1);
    while (weekend.includes(dayOfWeek(day)) || off.has(day));
    off.add(day);
    days.push({ date: day, name: `${holiday.name} (substitute day)`, kind: 'substitute-day' });
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/** Easter Sunday in the Gregorian calendar (the anonymous algorithm). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatLocalDate({ year, month, day });
}

const on = (year: number, month: number, day: number) => formatLocalDate({ year, month, day });

/** The first (n = 1) or last (n = -1) Monday of a month. */
function monday(year: number, month: number, n: 1 | -1): LocalDate {
  let day = n === 1 ? on(year, month, 1) : addDaysToDate(on(month === 12 ? year + 1 : year, (month % 12) + 1, 1), -1);
  while (dayOfWeek(day) !== 1) day = addDaysToDate(day, n);
  return day;
}

const holiday = (date: LocalDate, name: string): DayOff => ({ date, name, kind: 'public-holiday' });

/**
 * The fixed-date public holidays of a jurisdiction in a year, with their substitute days: what the
 * calendar is seeded with. Islamic holidays are declared at short notice by admins, not seeded.
 */
export function fixedHolidays(jurisdiction: string, year: number): DayOff[] {
  switch (jurisdiction) {
    case 'KRG':
      return withSubstituteDays(
        [FRIDAY, SATURDAY],
        [
          holiday(on(year, 1, 1), "New Year's Day"),
          holiday(on(year, 1, 6), 'Iraqi Army Day'),
          ...[20, 21, 22, 23].map((day) => holiday(on(year, 3, day), 'Nawroz')),
          holiday(on(year, 5, 1), 'Labour Day'),
          holiday(on(year, 7, 14), 'Republic Day'),
          holiday(on(year, 10, 3), 'National Day'),
          holiday(on(year, 12, 25), 'Christmas Day'),
        ],
      );
    case 'England': {
      const easter = easterSunday(year);
      return withSubstituteDays(
        [SATURDAY, SUNDAY],
        [
          holiday(on(year, 1, 1), "New Year's Day"),
          holiday(addDaysToDate(easter, -2), 'Good Friday'),
          holiday(addDaysToDate(easter, 1), 'Easter Monday'),
          holiday(monday(year, 5, 1), 'Early May bank holiday'),
          holiday(monday(year, 5, -1), 'Spring bank holiday'),
          holiday(monday(year, 8, -1), 'Summer bank holiday'),
          holiday(on(year, 12, 25), 'Christmas Day'),
          holiday(on(year, 12, 26), 'Boxing Day'),
        ],
      );
    }
    default:
      return [];
  }
}
