/** A calendar date without a time of day, `YYYY-MM-DD`, as staff see it in the case's time zone. */
export type LocalDate = string;

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isLocalDate(value: string): value is LocalDate {
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** The wall-clock reading of an instant in a time zone. */
export function toLocal(instant: Date, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
    millisecond: instant.getUTCMilliseconds(),
  };
}

function wallClockAsUtc(local: LocalDateTime): number {
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);
}

/** The instant a wall-clock reading names in a time zone (the later one in a repeated hour). */
export function fromLocal(local: LocalDateTime, timeZone: string): Date {
  const target = wallClockAsUtc(local);
  let guess = target;
  for (let i = 0; i < 3; i++) {
    const offset = wallClockAsUtc({ ...toLocal(new Date(guess), timeZone), millisecond: local.millisecond }) - guess;
    const next = target - offset;
    if (next === guess) break;
    guess = next;
  }
  return new Date(guess);
}

export function localDateOf(instant: Date, timeZone: string): LocalDate {
  return formatLocalDate(toLocal(instant, timeZone));
}

export function formatLocalDate(local: Pick<LocalDateTime, 'year' | 'month' | 'day'>): LocalDate {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}`;
}

export function parseLocalDate(date: LocalDate): { year: number; month: number; day: number } {
  const match = LOCAL_DATE.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** Adds calendar days to a local date (no time zone involved: dates are labels). */
export function addDaysToDate(date: LocalDate, days: number): LocalDate {
  const { year, month, day } = parseLocalDate(date);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return formatLocalDate({ year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() });
}

/** Day of the week of a local date, 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * The instant an ISO 8601 date-time names; one written without an offset is read as wall-clock
 * time in the given zone (a panel sitting typed as 09:00 in Erbil is 09:00 Asia/Baghdad).
 */
export function instantIn(text: string, timeZone: string): Date | null {
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  if (match[8]) {
    const instant = new Date(text);
    return Number.isNaN(instant.getTime()) ? null : instant;
  }
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(match[i]));
  if (!isLocalDate(`${match[1]}-${match[2]}-${match[3]}`) || hour > 23 || minute > 59) return null;
  return fromLocal({ year, month, day, hour, minute, second: Number(match[6] ?? 0), millisecond: Number((match[7] ?? '0').padEnd(3, '0')) }, timeZone);
}

/** An instant as a wall-clock time in a zone, `YYYY-MM-DDTHH:mm`, as staff read a due time. */
export function localDateTimeOf(instant: Date, timeZone: string): string {
  const local = toLocal(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${formatLocalDate(local)}T${two(local.hour)}:${two(local.minute)}`;
}

/**
 * The instant on a local date at the wall-clock time of another instant: a clock that runs from
 * the day something actually happened (a visit, a review), recorded later, keeps the recording's
 * time of day, so a date recorded the same day is the recording itself.
 */
export function onDateAtTimeOf(date: LocalDate, instant: Date, timeZone: string): Date {
  return fromLocal({ ...toLocal(instant, timeZone), ...parseLocalDate(date) }, timeZone);
}
