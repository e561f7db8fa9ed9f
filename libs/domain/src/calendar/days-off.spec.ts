import { easterSunday, fixedHolidays, withSubstituteDays } from './days-off';
import { FRIDAY, SATURDAY } from './working-day-calendar';

describe('days off', () => {
  it("seeds England's bank holidays as gov.uk lists them, with the substitute days (a holiday on a weekend stays a weekend day)", () => {
    expect(fixedHolidays('England', 2026).map((d) => d.date)).toEqual(['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-26', '2026-12-28']);
    expect(fixedHolidays('England', 2027).map((d) => d.date)).toEqual(['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-25', '2027-12-26', '2027-12-27', '2027-12-28']);
  });

  it('seeds the KRG fixed-date holidays, Nawroz among them, and a substitute for one on the Friday-Saturday weekend', () => {
    const days = fixedHolidays('KRG', 2026);
    expect(days.filter((d) => d.name === 'Nawroz').map((d) => d.date)).toEqual(['2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23']);
    // 20 and 21 March 2026 are a Friday and a Saturday: their substitutes follow the last Nawroz day.
    expect(days.filter((d) => d.kind === 'substitute-day').map((d) => d.date)).toContain('2026-03-24');
  });

  it('finds Easter', () => {
    expect([2024, 2025, 2026, 2027].map(easterSunday)).toEqual(['2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28']);
  });

  it('puts a substitute on the next working day not already off', () => {
    const days = withSubstituteDays([FRIDAY, SATURDAY], [
      { date: '2026-11-27', name: 'A', kind: 'public-holiday' },
      { date: '2026-11-29', name: 'B', kind: 'public-holiday' },
    ]);
    expect(days.map((d) => [d.date, d.kind])).toEqual([
      ['2026-11-27', 'public-holiday'],
      ['2026-11-29', 'public-holiday'],
      ['2026-11-30', 'substitute-day'],
    ]);
  });
});
