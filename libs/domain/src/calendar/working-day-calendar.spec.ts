import { FRIDAY, SATURDAY, SUNDAY, WorkingDays } from './working-day-calendar';
import { fromLocal, instantIn, isLocalDate, localDateOf, toLocal } from './local-date';

// 2026-11-26 is a Thursday; the KRG weekend is Friday 27 and Saturday 28.
const krg = { timeZone: 'Asia/Baghdad', weekend: [FRIDAY, SATURDAY], holidays: [] as string[] };
const england = { timeZone: 'Europe/London', weekend: [SATURDAY, SUNDAY], holidays: [] as string[] };

describe('working days on the Kurdistan-Iraq calendar', () => {
  it('skips the Friday-Saturday weekend', () => {
    const days = new WorkingDays(krg);
    expect(days.isWorkingDay('2026-11-27')).toBe(false);
    expect(days.isWorkingDay('2026-11-28')).toBe(false);
    expect(days.isWorkingDay('2026-11-29')).toBe(true);
    expect(days.addToDate('2026-11-26', 1)).toBe('2026-11-29');
    expect(days.addToDate('2026-11-26', 2)).toBe('2026-11-30');
  });

  it('counts from a weekend day to the working days after it', () => {
    expect(new WorkingDays(krg).addToDate('2026-11-27', 1)).toBe('2026-11-29');
  });

  it('England keeps Friday and skips Saturday-Sunday', () => {
    const days = new WorkingDays(england);
    expect(days.addToDate('2026-11-26', 1)).toBe('2026-11-27');
    expect(days.addToDate('2026-11-26', 2)).toBe('2026-11-30');
  });

  it('skips a declared holiday', () => {
    const days = new WorkingDays({ ...krg, holidays: ['2026-11-29'] });
    expect(days.addToDate('2026-11-26', 1)).toBe('2026-11-30');
    expect(days.addToDate('2026-11-26', 2)).toBe('2026-12-01');
  });

  it('takes each day off as it stands: a holiday on a weekend is not moved (its substitute is a day of its own)', () => {
    const days = new WorkingDays({ ...krg, holidays: ['2026-11-27'] });
    expect(days.isWorkingDay('2026-11-29')).toBe(true);
    expect(days.addToDate('2026-11-26', 1)).toBe('2026-11-29');
  });

  it('keeps the wall-clock time in Baghdad when adding working days to an instant', () => {
    const thursdayTenAm = new Date('2026-11-26T07:00:00.000Z');
    expect(new WorkingDays(krg).addToInstant(thursdayTenAm, 2).toISOString()).toBe('2026-11-30T07:00:00.000Z');
  });

  it('uses the local date, not the UTC date, near midnight', () => {
    // 22:30 UTC on Thursday is 01:30 on Friday in Baghdad: the next working day is Sunday.
    const instant = new Date('2026-11-26T22:30:00.000Z');
    expect(localDateOf(instant, 'Asia/Baghdad')).toBe('2026-11-27');
    expect(new WorkingDays(krg).addToInstant(instant, 1).toISOString()).toBe('2026-11-28T22:30:00.000Z');
  });

  it('follows a daylight-saving change in London', () => {
    // Friday 27 March 2026 09:00 GMT; clocks go forward on Sunday 29 March.
    const due = new WorkingDays(england).addToInstant(new Date('2026-03-27T09:00:00.000Z'), 1);
    expect(due.toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });

  it('rolls an instant on a day off forward to the next working day', () => {
    const days = new WorkingDays({ ...krg, holidays: ['2026-11-30'] });
    expect(days.rollForward(new Date('2026-11-30T07:00:00.000Z')).toISOString()).toBe('2026-12-01T07:00:00.000Z');
    expect(days.rollForward(new Date('2026-12-01T07:00:00.000Z')).toISOString()).toBe('2026-12-01T07:00:00.000Z');
  });

  it('counts working days back for deadlines before an event, such as panel papers', () => {
    // Five working days before Monday 30 November 2026 in KRG: Sun 29, Thu 26, Wed 25, Tue 24, Mon 23.
    expect(new WorkingDays(krg).addToDate('2026-11-30', -5)).toBe('2026-11-23');
    expect(new WorkingDays({ ...krg, holidays: ['2026-11-24'] }).addToDate('2026-11-30', -5)).toBe('2026-11-22');
  });

  it('rejects a fractional number of working days', () => {
    expect(() => new WorkingDays(krg).addToDate('2026-11-26', 1.5)).toThrow(RangeError);
  });
});

describe('local dates', () => {
  it('round-trips a wall-clock reading through an instant', () => {
    const local = toLocal(new Date('2026-06-01T12:34:56.789Z'), 'Asia/Baghdad');
    expect(local).toEqual({ year: 2026, month: 6, day: 1, hour: 15, minute: 34, second: 56, millisecond: 789 });
    expect(fromLocal(local, 'Asia/Baghdad').toISOString()).toBe('2026-06-01T12:34:56.789Z');
  });

  it('validates YYYY-MM-DD dates', () => {
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2026-02-30')).toBe(false);
    expect(isLocalDate('26-2-3')).toBe(false);
  });
});

describe('reading a date-time in the jurisdiction', () => {
  it('reads a time without an offset in the zone, and one with an offset as written', () => {
    expect(instantIn('2026-12-10T09:00:00', 'Asia/Baghdad')).toEqual(new Date('2026-12-10T06:00:00.000Z'));
    expect(instantIn('2026-12-10T09:00', 'Europe/London')).toEqual(new Date('2026-12-10T09:00:00.000Z'));
    expect(instantIn('2026-07-10T09:00', 'Europe/London')).toEqual(new Date('2026-07-10T08:00:00.000Z'));
    expect(instantIn('2026-12-10T09:00:00+01:00', 'Asia/Baghdad')).toEqual(new Date('2026-12-10T08:00:00.000Z'));
    expect(instantIn('2026-02-30T09:00', 'Asia/Baghdad')).toBeNull();
    expect(instantIn('tomorrow', 'Asia/Baghdad')).toBeNull();
  });
});
