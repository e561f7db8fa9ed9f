import { addYears, ageOn, nextReviewClock, nextVisitClock, VisitHistory } from './child-clocks';

const fostering: VisitHistory = { placementType: 'long-term', startedOn: '2026-01-10', untilEighteen: true, lastVisitOn: null, firstReviewHeld: false };

describe('nextVisitClock', () => {
  it('puts the first visit within a week of the start', () => {
    expect(nextVisitClock(fostering)).toEqual({ ruleId: 'visit.first', anchorOn: '2026-01-10' });
  });

  it('counts every later visit from the last visit actually made', () => {
    expect(nextVisitClock({ ...fostering, lastVisitOn: '2026-01-15' })).toEqual({ ruleId: 'visit.first-year', anchorOn: '2026-01-15' });
  });

  it('after the first year, visits a placement meant to last to 18 every 3 months, any other every 6 weeks', () => {
    expect(nextVisitClock({ ...fostering, lastVisitOn: '2027-01-10', firstReviewHeld: true }).ruleId).toBe('visit.long-term');
    expect(nextVisitClock({ ...fostering, untilEighteen: false, lastVisitOn: '2027-01-10', firstReviewHeld: true }).ruleId).toBe('visit.after-first-year');
    expect(nextVisitClock({ ...fostering, lastVisitOn: '2027-01-09', firstReviewHeld: true }).ruleId).toBe('visit.first-year');
  });

  it('visits kinship and placed-with-parent placements weekly until the first review, then as any other', () => {
    for (const placementType of ['kinship', 'placed-with-parent'] as const) {
      expect(nextVisitClock({ ...fostering, placementType, lastVisitOn: '2026-01-15' }).ruleId).toBe('visit.weekly');
      expect(nextVisitClock({ ...fostering, placementType, lastVisitOn: '2026-01-15', firstReviewHeld: true }).ruleId).toBe('visit.first-year');
    }
    expect(nextVisitClock({ ...fostering, placementType: 'short-term', lastVisitOn: '2026-01-15' }).ruleId).toBe('visit.first-year');
  });
});

describe('nextReviewClock', () => {
  it('runs 20 working days from becoming looked after, then 3 months, then 6 months from the last review', () => {
    expect(nextReviewClock('2026-02-01', 0, null)).toEqual({ ruleId: 'review.first', anchorOn: '2026-02-01' });
    expect(nextReviewClock('2026-02-01', 1, '2026-02-20')).toEqual({ ruleId: 'review.second', anchorOn: '2026-02-20' });
    expect(nextReviewClock('2026-02-01', 2, '2026-05-11')).toEqual({ ruleId: 'review.subsequent', anchorOn: '2026-05-11' });
    expect(nextReviewClock('2026-02-01', 5, '2027-06-01')).toEqual({ ruleId: 'review.subsequent', anchorOn: '2027-06-01' });
  });
});

describe('ages and birthdays', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('2010-06-15', '2028-06-14')).toBe(17);
    expect(ageOn('2010-06-15', '2028-06-15')).toBe(18);
  });

  it('moves a 29 February birthday to 28 February in other years', () => {
    expect(addYears('2012-02-29', 18)).toBe('2030-02-28');
    expect(addYears('2012-02-29', 4)).toBe('2016-02-29');
  });
});
