import { addDaysToDate, dayOfWeek, fromLocal, LocalDate, parseLocalDate, toLocal, formatLocalDate } from './local-date';

export const SUNDAY = 0;
export const FRIDAY = 5;
export const SATURDAY = 6;

/** The days an agency works: its time zone, its weekend and the holidays and closures admins declare. */
export interface WorkingDayCalendar {
  timeZone: string;
  /** Days of the week that are weekend, 0 = Sunday ... 6 = Saturday. */
  weekend: readonly number[];
  /** The days actually off (holidays, closures, substitute days): each is off as it stands, never moved. */
  holidays: readonly LocalDate[];
}

export class WorkingDays {
  private readonly daysOff: Set<LocalDate>;

  constructor(private readonly calendar: WorkingDayCalendar) {
    this.daysOff = new Set(calendar.holidays);
  }

  isWorkingDay(date: LocalDate): boolean {
    return !this.calendar.weekend.includes(dayOfWeek(date)) && !this.daysOff.has(date);
  }

  /** The first working day on or after a date. */
  onOrAfter(date: LocalDate): LocalDate {
    let day = date;
    for (let guard = 0; !this.isWorkingDay(day); guard++) {
      if (guard > 366) throw new RangeError('no working day within a year: check the calendar');
      day = addDaysToDate(day, 1);
    }
    return day;
  }

  /**
   * The nth working day after a date; a negative n counts back (the nth working day before it);
   * n = 0 gives the date itself if it is a working day, else the next one.
   */
  addToDate(date: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number, got ${n}`);
    if (n === 0) return this.onOrAfter(date);
    const step = Math.sign(n);
    let day = date;
    for (let counted = 0; counted < Math.abs(n); ) {
      day = addDaysToDate(day, step);
      if (this.isWorkingDay(day)) counted++;
    }
    return day;
  }

  /** The same wall-clock time on the nth working day after (n < 0: before) the instant's local date. */
  addToInstant(instant: Date, n: number): Date {
    const local = toLocal(instant, this.calendar.timeZone);
    const dueDate = parseLocalDate(this.addToDate(formatLocalDate(local), n));
    return fromLocal({ ...local, ...dueDate }, this.calendar.timeZone);
  }

  /** Moves an instant that falls on a day off to the same wall-clock time on the next working day. */
  rollForward(instant: Date): Date {
    const local = toLocal(instant, this.calendar.timeZone);
    const date = formatLocalDate(local);
    const workingDate = this.onOrAfter(date);
    return workingDate === date ? instant : fromLocal({ ...local, ...parseLocalDate(workingDate) }, this.calendar.timeZone);
  }
}
