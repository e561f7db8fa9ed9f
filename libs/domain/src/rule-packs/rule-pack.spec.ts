import { computeDeadline, packFigures, RulePack, shiftBy } from './rule-pack';
import { taskCatalogue } from '../tasks/task-catalogue';
import { assertDeployablePack, englandPack, krgPack, testEnglandPack, testCalendarPack, rulePackInForce, rulePacks, rulePackVersion, testSecondsPack } from './rule-pack.catalogue';

describe('rule packs', () => {
  it('computes the enquiry response deadline in KRG working days and records the rule and version', () => {
    const opened = new Date('2026-11-26T07:00:00.000Z'); // Thursday 10:00 in Baghdad
    const deadline = computeDeadline(krgPack, 'enquiry.respond', opened, []);
    expect(deadline).toEqual({
      dueAt: new Date('2026-11-30T07:00:00.000Z'),
      followUpAt: new Date('2026-11-29T07:00:00.000Z'),
      remindAt: [new Date('2026-11-29T07:00:00.000Z')],
      escalateAt: [new Date('2026-12-01T07:00:00.000Z')],
      ruleId: 'enquiry.respond',
      rulePackId: 'krg',
      rulePackVersion: 3,
    });
  });

  it('moves the deadline past a declared holiday', () => {
    const opened = new Date('2026-11-26T07:00:00.000Z');
    expect(computeDeadline(krgPack, 'enquiry.respond', opened, ['2026-11-30']).dueAt).toEqual(new Date('2026-12-01T07:00:00.000Z'));
  });

  it('counts seconds in the test pack', () => {
    const opened = new Date('2026-11-26T07:00:00.000Z');
    expect(computeDeadline(testSecondsPack, 'enquiry.respond', opened, []).dueAt).toEqual(new Date('2026-11-26T07:00:04.000Z'));
  });

  it('puts panel papers five working days before the sitting, and the 8-month ceiling in months', () => {
    const sitting = new Date('2026-11-30T06:00:00.000Z'); // Monday 09:00 in Baghdad
    expect(computeDeadline(krgPack, 'panel.papers', sitting, []).dueAt.toISOString()).toBe('2026-11-23T06:00:00.000Z');
    expect(computeDeadline(krgPack, 'application.panel-recommendation', sitting, []).dueAt.toISOString()).toBe('2027-07-30T06:00:00.000Z');
  });

  it('rolls a due date that lands on a closure to the next working day when the rule says so', () => {
    const opened = new Date('2026-11-26T23:59:55.000Z');
    expect(computeDeadline(testCalendarPack, 'enquiry.respond', opened, []).dueAt.toISOString()).toBe('2026-11-27T00:00:03.000Z');
    expect(computeDeadline(testCalendarPack, 'enquiry.respond', opened, ['2026-11-27']).dueAt.toISOString()).toBe('2026-11-28T00:00:03.000Z');
  });

  it('keeps every pack version complete: each rule a task type names exists in the newest versions', () => {
    // Representations after a proposed refusal exist only where the pack has the period (England).
    const everywhere = Object.values(taskCatalogue).filter((definition) => definition.type !== 'record-representations');
    for (const pack of [krgPack, testSecondsPack, testCalendarPack, englandPack, testEnglandPack]) {
      for (const definition of everywhere) expect(pack.rules[definition.ruleId]).toBeDefined();
    }
    for (const pack of [englandPack, testEnglandPack]) expect(pack.rules['decision.representations'] && pack.rules['decision.confirm']).toBeDefined();
  });

  it('clamps months to the end of a shorter month and keeps weeks as seven calendar days', () => {
    const calendar = { timeZone: 'Asia/Baghdad', weekend: [5, 6], holidays: [] };
    expect(shiftBy(new Date('2026-01-31T09:00:00.000Z'), { amount: 1, unit: 'months' }, calendar).toISOString()).toBe('2026-02-28T09:00:00.000Z');
    expect(shiftBy(new Date('2026-01-31T09:00:00.000Z'), { amount: 8, unit: 'months' }, calendar).toISOString()).toBe('2026-09-30T09:00:00.000Z');
    expect(shiftBy(new Date('2026-01-01T09:00:00.000Z'), { amount: 16, unit: 'weeks' }, calendar).toISOString()).toBe('2026-04-23T09:00:00.000Z');
  });

  it('refuses a rule the pack does not have', () => {
    expect(() => computeDeadline(krgPack, 'no.such.rule', new Date(), [])).toThrow(/not in rule pack krg v3/);
  });

  it('picks the newest version in force on a date, and finds a recorded version', () => {
    const v4: RulePack = { ...krgPack, version: 4, effectiveFrom: '2027-04-01' };
    const packs = [...rulePacks, v4];
    expect(rulePackInForce('krg', '2026-06-01', packs).version).toBe(1);
    expect(rulePackInForce('krg', '2026-12-02', packs).version).toBe(2);
    expect(rulePackInForce('krg', '2027-03-31', packs).version).toBe(3);
    expect(rulePackInForce('krg', '2027-04-01', packs).version).toBe(4);
    expect(rulePackVersion('krg', 3, packs)).toBe(krgPack);
    expect(() => rulePackInForce('krg', '2020-01-01', packs)).toThrow(RangeError);
  });
});

describe('rule pack choice and jurisdictions', () => {
  it('keeps test packs for tests', () => {
    expect(() => assertDeployablePack('test-seconds', false)).toThrow(/test pack/);
    expect(() => assertDeployablePack('test-seconds', true)).not.toThrow();
    expect(() => assertDeployablePack('krg', false)).not.toThrow();
    expect(() => assertDeployablePack('nowhere', false)).toThrow(/no such rule pack/);
  });

  it("holds England's own figures where they differ, and krg's otherwise", () => {
    const england = rulePackInForce('england', '2026-12-01');
    expect(england.rules['decision.representations']).toMatchObject({ offset: { amount: 28, unit: 'calendar-days' } });
    expect(krgPack.rules['decision.representations']).toBeUndefined();
    expect(england.rules['decision.make']).toEqual(krgPack.rules['decision.make']);
    expect(rulePackVersion('england', 2).rules['decision.representations']).toBeUndefined();
  });

  it('sets a panel quorum of the chair and two members unless a pack says otherwise', () => {
    expect(packFigures(krgPack).panelQuorumMembers).toBe(2);
  });
});
