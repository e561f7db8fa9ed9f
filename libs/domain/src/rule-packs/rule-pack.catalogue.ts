import { LocalDate, localDateOf } from '../calendar/local-date';
import { FRIDAY, SATURDAY, SUNDAY } from '../calendar/working-day-calendar';
import { DeadlineRule, RuleDuration, RulePack } from './rule-pack';

const workingDays = (amount: number): RuleDuration => ({ amount, unit: 'working-days' });
const months = (amount: number): RuleDuration => ({ amount, unit: 'months' });
const calendarDays = (amount: number): RuleDuration => ({ amount, unit: 'calendar-days' });
const seconds = (amount: number): RuleDuration => ({ amount, unit: 'seconds' });
const weeks = (amount: number): RuleDuration => ({ amount, unit: 'weeks' });

interface RuleFigures {
  source: string;
  anchor?: string;
  offset: RuleDuration;
  remindBefore?: RuleDuration[];
  escalateAfter?: RuleDuration[];
  onDayOff?: 'roll-forward';
}

function rules(figures: Record<string, RuleFigures>): Record<string, DeadlineRule> {
  return Object.fromEntries(
    Object.entries(figures).map(([id, f]) => [
      id,
      { id, source: f.source, anchor: f.anchor ?? 'task-opened', offset: f.offset, remindBefore: f.remindBefore ?? [], escalateAfter: f.escalateAfter ?? [], onDayOff: f.onDayOff },
    ]),
  );
}

const agency = 'agency rule';

/** The carer approval clocks (DOMAIN.md, "Carer household lifecycle"), in working days and months. */
const carerApprovalFigures: Record<string, RuleFigures> = {
  'enquiry.respond': { source: `${agency}: respond to an enquiry within 2 working days`, offset: workingDays(2), remindBefore: [workingDays(1)], escalateAfter: [workingDays(1)] },
  'enquiry.initial-home-visit': { source: `${agency}: initial home visit within 10 working days`, offset: workingDays(10), remindBefore: [workingDays(2)], escalateAfter: [workingDays(2)] },
  'application.receive': { source: `${agency}: application returned within 20 working days of the invitation`, offset: workingDays(20), remindBefore: [workingDays(5)], escalateAfter: [workingDays(5)] },
  'application.panel-recommendation': { source: 'NMS 14.4: panel recommendation within 8 months of application', anchor: 'application-received', offset: months(8) },
  'stage-1.check': { source: `${agency}: each stage 1 check within 20 working days`, offset: workingDays(20), remindBefore: [workingDays(5)], escalateAfter: [workingDays(5)] },
  'stage-1.decision': { source: `${agency}: decision to proceed within 10 working days of the last check`, anchor: 'last-check-completed', offset: workingDays(10), remindBefore: [workingDays(2)], escalateAfter: [workingDays(2)] },
  'stage-2.assessment-visits': { source: `${agency}: assessment visits within 60 working days`, offset: workingDays(60), remindBefore: [workingDays(10)], escalateAfter: [workingDays(5)] },
  'stage-2.assessment-report': { source: `${agency}: assessment report within 80 working days`, offset: workingDays(80), remindBefore: [workingDays(10)], escalateAfter: [workingDays(5)] },
  'stage-2.preparation-training': { source: `${agency}: preparation training within 60 working days`, offset: workingDays(60), remindBefore: [workingDays(10)], escalateAfter: [workingDays(5)] },
  'panel.book': { source: `${agency}: case on a panel agenda within 10 working days of stage 2`, offset: workingDays(10), remindBefore: [workingDays(3)], escalateAfter: [workingDays(3)] },
  'panel.papers': { source: 'papers reach panel members at least 5 working days before the panel', anchor: 'panel-sitting', offset: workingDays(-5), remindBefore: [workingDays(2)], escalateAfter: [workingDays(1)] },
  'panel.recommendation': { source: `${agency}: the chair records the recommendation by the next working day`, anchor: 'panel-sitting', offset: workingDays(1), escalateAfter: [workingDays(1)] },
  'decision.make': { source: 'decision within 7 working days of the recommendation', anchor: 'panel-recommendation', offset: workingDays(7), remindBefore: [workingDays(2)], escalateAfter: [workingDays(1)] },
  'decision.tell-applicant': { source: 'applicant told within 2 working days of the decision', offset: workingDays(2), escalateAfter: [workingDays(1)] },
  'decision.tell-applicant-in-writing': { source: 'applicant told in writing within 5 working days of the decision', offset: workingDays(5), escalateAfter: [workingDays(1)] },
};

// KRG's programme follows UK practice (DOMAIN.md): the figures are England's, cited as such.
const regs = 'UK practice, Care Planning, Placement and Case Review (England) Regulations 2010';

/**
 * The child's journey (DOMAIN.md, Child journey): care plan, matching, statutory visits and case
 * reviews. Visits and reviews count from the actual date of the last one, and raise one overdue
 * alert when missed (no reminders: the inbox marks them due soon).
 */
const childJourneyFigures: Record<string, RuleFigures> = {
  'child.care-plan': { source: `${agency}: care plan within 10 working days of becoming looked after`, anchor: 'looked-after', offset: workingDays(10), remindBefore: [workingDays(3)], escalateAfter: [workingDays(2)] },
  'matching.propose': { source: `${agency}: a match proposed within 10 working days of the care plan`, offset: workingDays(10), remindBefore: [workingDays(3)], escalateAfter: [workingDays(2)] },
  'matching.approve': { source: `${agency}: the team manager decides a proposed match within 2 working days`, offset: workingDays(2), escalateAfter: [workingDays(1)] },
  'visit.first': { source: `${regs}, reg. 28: first visit within 1 week of the placement`, anchor: 'placement-start', offset: weeks(1) },
  'visit.weekly': { source: `${regs}, reg. 28: kinship and placed-with-parent placements weekly until the first review`, anchor: 'last-visit', offset: weeks(1) },
  'visit.first-year': { source: `${regs}, reg. 28: at most every 6 weeks in the placement's first year`, anchor: 'last-visit', offset: weeks(6) },
  'visit.long-term': { source: `${regs}, reg. 28: at most every 3 months after the first year of a placement meant to last until 18`, anchor: 'last-visit', offset: months(3) },
  'visit.after-first-year': { source: `${regs}, reg. 28: at most every 6 weeks after the first year`, anchor: 'last-visit', offset: weeks(6) },
  'review.first': { source: `${regs}, reg. 33: first review within 20 working days of becoming looked after`, anchor: 'looked-after', offset: workingDays(20) },
  'review.second': { source: `${regs}, reg. 33: second review at most 3 months after the first`, anchor: 'last-review', offset: months(3) },
  'review.subsequent': { source: `${regs}, reg. 33: later reviews at most every 6 months`, anchor: 'last-review', offset: months(6) },
  'review.brought-forward': { source: `${regs}, reg. 33(3): the reviewing officer brought the review forward to this date`, anchor: 'date-chosen', offset: calendarDays(0) },
};

/** The same clocks in seconds, for tests: deadlines pass while a test waits. */
function inSeconds(figures: Record<string, RuleFigures>, overrides: Record<string, Partial<RuleFigures>> = {}): Record<string, RuleFigures> {
  return Object.fromEntries(
    Object.entries(figures).map(([id, f]) => [
      id,
      {
        source: 'test',
        anchor: f.anchor,
        offset: seconds(Math.sign(f.offset.amount) * 4),
        remindBefore: f.remindBefore?.map(() => seconds(2)),
        escalateAfter: f.escalateAfter?.map(() => seconds(2)),
        ...overrides[id],
      },
    ]),
  );
}

const krgCalendar = { timeZone: 'Asia/Baghdad', weekend: [FRIDAY, SATURDAY] };
const englandCalendar = { timeZone: 'Europe/London', weekend: [SATURDAY, SUNDAY] };

/** v1 (enquiry only) stays for cases that started on it. */
const krgV1: RulePack = {
  id: 'krg',
  version: 1,
  jurisdiction: 'KRG',
  effectiveFrom: '2026-01-01',
  ...krgCalendar,
  rules: rules({ 'enquiry.respond': carerApprovalFigures['enquiry.respond'], 'enquiry.initial-home-visit': carerApprovalFigures['enquiry.initial-home-visit'] }),
};

const krgV2: RulePack = { ...krgV1, version: 2, effectiveFrom: '2026-11-23', rules: rules(carerApprovalFigures) };

/** Kurdistan Region of Iraq, the default: Friday–Saturday weekend, Asia/Baghdad; v3 adds the child's journey. */
export const krgPack: RulePack = { ...krgV2, version: 3, effectiveFrom: '2026-12-03', rules: rules({ ...carerApprovalFigures, ...childJourneyFigures }) };

/**
 * Where England's figures differ from krg's: a proposed refusal gives the applicant 28 days to make
 * representations or ask the Independent Review Mechanism before the decision is final.
 */
const englandDifferences: Record<string, RuleFigures> = {
  'decision.representations': {
    source: 'Fostering Services (England) Regulations 2011, reg. 27: 28 days for representations or an IRM review',
    anchor: 'refusal-proposed',
    offset: calendarDays(28),
    remindBefore: [calendarDays(7)],
  },
  'decision.confirm': {
    source: 'the decision maker confirms or changes a proposed refusal within 7 working days of the representations',
    offset: workingDays(7),
    remindBefore: [workingDays(2)],
    escalateAfter: [workingDays(1)],
  },
};

const englandV2: RulePack = { ...krgV2, id: 'england', jurisdiction: 'England', ...englandCalendar };
const englandV3: RulePack = { ...englandV2, version: 3, rules: rules({ ...carerApprovalFigures, ...englandDifferences }) };

/** England (the reference model): Saturday–Sunday weekend, Europe/London; krg's clocks with England's differences; v4 adds the child's journey. */
export const englandPack: RulePack = { ...englandV3, version: 4, effectiveFrom: '2026-12-03', rules: rules({ ...carerApprovalFigures, ...englandDifferences, ...childJourneyFigures }) };
const englandV1: RulePack = { ...krgV1, id: 'england', jurisdiction: 'England', ...englandCalendar };

/** For tests only: every clock in seconds (the 8-month ceiling is 10 s), no weekend. */
export const testSecondsPack: RulePack = {
  id: 'test-seconds',
  testOnly: true,
  version: 1,
  jurisdiction: 'test',
  effectiveFrom: '2000-01-01',
  timeZone: 'UTC',
  weekend: [],
  rules: rules(inSeconds({ ...carerApprovalFigures, ...childJourneyFigures }, { 'application.panel-recommendation': { offset: seconds(10) } })),
  figures: { panelQuorumMembers: 1 },
};

/** For tests of England's differences: test-seconds with the representations period (8 s). */
export const testEnglandPack: RulePack = {
  ...testSecondsPack,
  id: 'test-england',
  rules: rules(inSeconds({ ...carerApprovalFigures, ...englandDifferences, ...childJourneyFigures }, { 'application.panel-recommendation': { offset: seconds(10) }, 'decision.representations': { offset: seconds(6), remindBefore: [] } })),
};

/**
 * For calendar tests only: seconds, but a due date on a declared closure rolls to the next
 * working day, so a test can watch a closure move a running deadline. Its own jurisdiction keeps
 * its closures away from other tests.
 */
export const testCalendarPack: RulePack = {
  ...testSecondsPack,
  id: 'test-calendar',
  jurisdiction: 'test-calendar',
  rules: rules(inSeconds({ ...carerApprovalFigures, ...childJourneyFigures }, { 'enquiry.respond': { offset: seconds(8), onDayOff: 'roll-forward' } })),
};

export const rulePacks: readonly RulePack[] = [krgV1, krgV2, krgPack, englandV1, englandV2, englandV3, englandPack, testSecondsPack, testCalendarPack, testEnglandPack];

/** Refuses a pack a deployment may not run new cases under: an unknown one, or a test pack outside tests. */
export function assertDeployablePack(packId: string, allowTestPacks: boolean): void {
  const pack = rulePacks.find((p) => p.id === packId);
  if (!pack) throw new RangeError(`HEARTH_RULE_PACK=${packId}: no such rule pack (${[...new Set(rulePacks.filter((p) => !p.testOnly).map((p) => p.id))].join(', ')})`);
  if (pack.testOnly && !allowTestPacks) throw new RangeError(`HEARTH_RULE_PACK=${packId} is a test pack, whose clocks run in seconds; it can only be chosen by tests`);
}

/** The version of a pack in force on a date: the newest whose effectiveFrom is on or before it. */
export function rulePackInForce(packId: string, on: LocalDate, packs: readonly RulePack[] = rulePacks): RulePack {
  const candidates = packs.filter((p) => p.id === packId && p.effectiveFrom <= on).sort((a, b) => b.version - a.version);
  if (!candidates[0]) throw new RangeError(`no version of rule pack ${packId} is in force on ${on}`);
  return candidates[0];
}

/** The version in force at an instant, on the calendar date of the pack's own time zone. */
export function rulePackInForceAt(packId: string, at: Date, packs: readonly RulePack[] = rulePacks): RulePack {
  const any = packs.find((p) => p.id === packId);
  if (!any) throw new RangeError(`no rule pack ${packId}`);
  return rulePackInForce(packId, localDateOf(at, any.timeZone), packs);
}

/** A specific version, as recorded by a running case. */
export function rulePackVersion(packId: string, version: number, packs: readonly RulePack[] = rulePacks): RulePack {
  const pack = packs.find((p) => p.id === packId && p.version === version);
  if (!pack) throw new RangeError(`rule pack ${packId} v${version} does not exist`);
  return pack;
}
