import { LocalDate } from '../calendar/local-date';
import type { VisitedPlacementType } from './placement';

/** Which clock the next statutory visit runs on, and the date it counts from. */
export interface NextClock {
  ruleId: ChildClockRule;
  anchorOn: LocalDate;
}

export const CHILD_CLOCK_RULES = [
  'child.care-plan',
  'matching.propose',
  'matching.approve',
  'visit.first',
  'visit.weekly',
  'visit.first-year',
  'visit.long-term',
  'visit.after-first-year',
  'review.first',
  'review.second',
  'review.subsequent',
  'review.brought-forward',
] as const;
export type ChildClockRule = (typeof CHILD_CLOCK_RULES)[number];

export interface VisitHistory {
  placementType: VisitedPlacementType;
  startedOn: LocalDate;
  /** The placement is meant to last until the child is 18 (a long-term plan). */
  untilEighteen: boolean;
  /** The actual date of the last visit recorded, if any. */
  lastVisitOn: LocalDate | null;
  /** Whether the child's first review has been held. */
  firstReviewHeld: boolean;
}

/**
 * The next statutory visit (DOMAIN.md, Child journey, step 4): within a week of the start; kinship
 * and placed-with-parent placements weekly until the first review; then at most every 6 weeks in the
 * placement's first year, and after it every 3 months if it is meant to last to 18, else 6 weeks.
 * Each counts from the last visit's actual date.
 */
export function nextVisitClock(history: VisitHistory): NextClock {
  const { lastVisitOn, startedOn } = history;
  if (lastVisitOn === null) return { ruleId: 'visit.first', anchorOn: startedOn };
  const weekly = history.placementType === 'kinship' || history.placementType === 'placed-with-parent';
  if (weekly && !history.firstReviewHeld) return { ruleId: 'visit.weekly', anchorOn: lastVisitOn };
  const firstYearEnds = addYears(startedOn, 1);
  if (lastVisitOn < firstYearEnds) return { ruleId: 'visit.first-year', anchorOn: lastVisitOn };
  return { ruleId: history.untilEighteen ? 'visit.long-term' : 'visit.after-first-year', anchorOn: lastVisitOn };
}

/**
 * The next child case review (step 5): the first within 20 working days of becoming looked after,
 * the second at most 3 months after the first, then at most every 6 months, each from the previous
 * review's actual date.
 */
export function nextReviewClock(lookedAfterOn: LocalDate, reviewsHeld: number, lastReviewOn: LocalDate | null): NextClock {
  if (reviewsHeld === 0 || lastReviewOn === null) return { ruleId: 'review.first', anchorOn: lookedAfterOn };
  return { ruleId: reviewsHeld === 1 ? 'review.second' : 'review.subsequent', anchorOn: lastReviewOn };
}

/** The same calendar date a number of years on (29 February becomes 28 February). */
export function addYears(date: LocalDate, years: number): LocalDate {
  const [year, month, day] = date.split('-').map(Number);
  const target = `${String(year + years).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return month === 2 && day === 29 && !isLeap(year + years) ? target.replace(/-29$/, '-28') : target;
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The child's age in whole years on a date. */
export function ageOn(dateOfBirth: LocalDate, on: LocalDate): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
