import { computeDeadline } from './rule-pack';
import { rulePackVersion } from './rule-pack.catalogue';
import { explainDeadline } from './deadline-explanation';

describe('explainDeadline', () => {
  const krg = rulePackVersion('krg', 1);

  it('names the rule, the pack version and the weekend and holiday the working-day clock skipped', () => {
    // Sunday 2026-03-15, 10:00 in Baghdad; enquiries get 2 working days. Fri/Sat are the weekend.
    const anchorAt = new Date('2026-03-15T07:00:00Z');
    const holidays = [{ date: '2026-03-16', name: 'Heat closure' }];
    const deadline = computeDeadline(krg, 'enquiry.respond', anchorAt, holidays.map((day) => day.date));
    const explanation = explainDeadline(krg, 'enquiry.respond', anchorAt, deadline.dueAt, holidays);
    expect(explanation).toMatchObject({ ruleId: 'enquiry.respond', rulePackId: 'krg', rulePackVersion: 1, anchorDate: '2026-03-15', dueDate: '2026-03-18', offset: { amount: 2, unit: 'working-days' } });
    expect(explanation.skipped).toEqual([{ date: '2026-03-16', reason: 'day-off', name: 'Heat closure' }]);
  });

  it('lists the Friday and Saturday a clock ran over', () => {
    const anchorAt = new Date('2026-03-19T07:00:00Z'); // Thursday
    const deadline = computeDeadline(krg, 'enquiry.respond', anchorAt, []);
    const explanation = explainDeadline(krg, 'enquiry.respond', anchorAt, deadline.dueAt, []);
    expect(explanation.dueDate).toBe('2026-03-23');
    expect(explanation.skipped.map((day) => [day.date, day.reason])).toEqual([
      ['2026-03-20', 'weekend'],
      ['2026-03-21', 'weekend'],
    ]);
  });

  it('counts back from an anchor after the due date (panel papers before a sitting)', () => {
    const sittingAt = new Date('2026-03-22T06:00:00Z'); // Sunday
    const dueAt = new Date('2026-03-17T06:00:00Z');
    const explanation = explainDeadline(krg, 'enquiry.respond', sittingAt, dueAt, []);
    expect(explanation.skipped.map((day) => day.date)).toEqual(['2026-03-20', '2026-03-21']);
  });
});
