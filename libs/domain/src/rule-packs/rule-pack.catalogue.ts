import { LocalDate } from '../calendar/local-date';
import { FRIDAY, SATURDAY, SUNDAY } from '../calendar/working-day-calendar';
import { DeadlineRule, RuleDuration, RulePack } from './rule-pack';

const workingDays = (amount: number): RuleDuration => ({ amount, unit: 'working-days' });
const seconds = (amount: number): RuleDuration => ({ amount, unit: 'seconds' });

function rule(id: string, source: string, offset: RuleDuration, remindBefore: RuleDuration[] = [], escalateAfter: RuleDuration[] = []): DeadlineRule {
  return { id, source, anchor: 'task-opened', offset, remindBefore, escalateAfter };
}

/** Kurdistan Region of Iraq, the default: Friday–Saturday weekend, Asia/Baghdad. */
export const krgPack: RulePack = {
  id: 'krg',
  version: 1,
  jurisdiction: 'KRG',
  effectiveFrom: '2026-01-01',
  timeZone: 'Asia/Baghdad',
  weekend: [FRIDAY, SATURDAY],
  rules: {
    'enquiry.respond': rule('enquiry.respond', 'agency rule: respond to an enquiry within 2 working days', workingDays(2), [workingDays(1)], [workingDays(1)]),
    'enquiry.initial-home-visit': rule('enquiry.initial-home-visit', 'agency rule: initial home visit within 10 working days', workingDays(10), [workingDays(2)], [workingDays(2)]),
  },
};

/** England (the reference model): Saturday–Sunday weekend, Europe/London. */
export const englandPack: RulePack = {
  ...krgPack,
  id: 'england',
  jurisdiction: 'England',
  timeZone: 'Europe/London',
  weekend: [SATURDAY, SUNDAY],
};

/** For tests only: every clock in seconds, so deadlines pass while a test waits. */
export const testSecondsPack: RulePack = {
  id: 'test-seconds',
  version: 1,
  jurisdiction: 'test',
  effectiveFrom: '2000-01-01',
  timeZone: 'UTC',
  weekend: [FRIDAY, SATURDAY],
  rules: {
    'enquiry.respond': rule('enquiry.respond', 'test', seconds(4), [seconds(2)], [seconds(2)]),
    'enquiry.initial-home-visit': rule('enquiry.initial-home-visit', 'test', seconds(4), [seconds(2)], [seconds(2)]),
  },
};

export const rulePacks: readonly RulePack[] = [krgPack, englandPack, testSecondsPack];

/** The version of a pack in force on a date: the newest whose effectiveFrom is on or before it. */
export function rulePackInForce(packId: string, on: LocalDate, packs: readonly RulePack[] = rulePacks): RulePack {
  const candidates = packs.filter((p) => p.id === packId && p.effectiveFrom <= on).sort((a, b) => b.version - a.version);
  if (!candidates[0]) throw new RangeError(`no version of rule pack ${packId} is in force on ${on}`);
  return candidates[0];
}

/** A specific version, as recorded by a running case. */
export function rulePackVersion(packId: string, version: number, packs: readonly RulePack[] = rulePacks): RulePack {
  const pack = packs.find((p) => p.id === packId && p.version === version);
  if (!pack) throw new RangeError(`rule pack ${packId} v${version} does not exist`);
  return pack;
}
