import { addDaysToDate, addYears } from '@hearth/domain';
import { endPlacementUpdate, placementWorkflowId } from '@hearth/workflows/contracts/placement.contract';
import { randomUUID } from 'node:crypto';
import { eventually } from './support/hearth-harness';
import { addHousehold, ChildOptions, IRO, PLAN, startChild, today } from './support/child-kit';
import { KitHarness, refusalCode, staff, STAFF, startKit } from './support/kit-harness';
import { bringReviewForwardUpdate } from '@hearth/workflows/contracts/child.contract';


/**
 * The child's journey (issue 10), run by the real child and placement workflows on the real
 * Temporal server against in-memory activities: care plan, matching, placement, visits, reviews.
 */
describe("a child's journey, workflow and case kit", () => {
  let kit: KitHarness;

  beforeAll(async () => {
    kit = await startKit();
  });
  afterAll(() => kit.close());

  const referChild = (options: ChildOptions = {}) => startChild(kit, options);
  const household = (places = 1) => addHousehold(kit, places);

  it('carries a child from care plan through a rejected and an approved match to a placement, visits and reviews from their actual dates, and closes on reunification', async () => {
    const child = await referChild();
    const home = household();
    await child.complete(await child.open('write-care-plan'), STAFF.caseworker, 'plan-agreed', PLAN);
    await child.stage('matching');

    await child.propose(home);
    const first = await child.open('approve-match');
    await child.complete(first, STAFF.manager, 'reject-match', { reasons: 'the carers work nights this month' });
    await child.propose(home);
    await child.complete(await child.open('approve-match'), STAFF.manager, 'approve-match', { reasons: 'close to school and family' });
    await child.stage('placed');
    const [placementId] = await child.placementOf();
    expect(kit.store.places.get(home)).toEqual({ max: 1, taken: 1 });
    expect([...kit.store.proposals.values()].filter((p) => p.childId === child.childId).map((p) => p.status)).toEqual(['rejected', 'approved']);

    // Visits: the first on the visit.first clock; the next counted from the visit's actual date.
    const firstVisit = await child.open('record-visit');
    expect(firstVisit).toMatchObject({ workflowId: placementWorkflowId(placementId), ruleId: 'visit.first' });
    const yesterday = addDaysToDate(today(), -1);
    await child.complete(firstVisit, STAFF.caseworker, 'visited', { visitedOn: yesterday, seenAlone: true, notes: 'settling in' });
    const secondVisit = await eventually(async () => [...kit.store.tasks.values()].find((t) => t.caseRef === child.ref && t.type === 'record-visit' && t.status === 'open' && t.id !== firstVisit.id));
    expect(secondVisit.ruleId).toBe('visit.first-year');
    expect(secondVisit.anchorAt.toISOString().slice(0, 10)).toBe(yesterday);

    // Reviews: 20 working days, then 3 months, then 6 months, each from the last one held.
    const seen: string[] = [];
    for (let n = 0; n < 3; n++) {
      const review = await eventually(async () => [...kit.store.tasks.values()].find((t) => t.caseRef === child.ref && t.type === 'hold-child-review' && t.status === 'open' && !seen.includes(t.id)));
      seen.push(review.id);
      expect(review.ruleId).toBe(['review.first', 'review.second', 'review.subsequent'][n]);
      if (n < 2) await child.complete(review, IRO, 'review-held', { heldOn: today(), decisions: 'plan stays' });
    }
    expect(kit.store.reviews.filter((r) => r.childId === child.childId)).toHaveLength(2);

    await kit.client.workflow.getHandle(placementWorkflowId(placementId)).executeUpdate(endPlacementUpdate, { args: [{ reason: 'reunification', endedOn: today(), actor: STAFF.caseworker }], updateId: randomUUID() });
    await child.stage('closed');
    expect(kit.store.places.get(home)!.taken).toBe(0);
    expect(kit.store.placements.get(placementId)).toMatchObject({ endedOn: today(), reason: 'reunification' });
    expect([...kit.store.tasks.values()].filter((t) => t.caseRef === child.ref && t.status === 'open')).toEqual([]);
    expect(await child.handle.result()).toEqual({ stage: 'closed' });
  });

  it('gives the last place to one of two approvals that race for it; the other is refused and its task stays open', async () => {
    const home = household(1);
    const [one, two] = await Promise.all([referChild(), referChild()]);
    for (const child of [one, two]) {
      await child.complete(await child.open('write-care-plan'), STAFF.caseworker, 'plan-agreed', PLAN);
      await child.propose(home);
    }
    const [taskOne, taskTwo] = await Promise.all([one.open('approve-match'), two.open('approve-match')]);
    const outcomes = await Promise.all([
      one.refusal(taskOne, STAFF.manager, 'approve-match', { reasons: 'good match' }),
      two.refusal(taskTwo, staff('manager-2', 'team-manager'), 'approve-match', { reasons: 'good match' }),
    ]);
    expect([...outcomes].sort()).toEqual(['conflict', undefined]);
    expect(kit.store.places.get(home)).toEqual({ max: 1, taken: 1 });
    expect([...kit.store.placements.values()].filter((p) => p.householdId === home)).toHaveLength(1);
    const loser = outcomes[0] === 'conflict' ? { child: one, task: taskOne } : { child: two, task: taskTwo };
    expect(kit.store.tasks.get(loser.task.id)!.status).toBe('open');
    expect(kit.store.stageOf(loser.child.childId)).toBe('matching');
  });

  it('refuses an approval by the person who proposed the match', async () => {
    const both = staff('cw-manager-1', 'caseworker', 'team-manager');
    const child = await referChild({ caseworker: both });
    await child.complete(await child.open('write-care-plan'), both, 'plan-agreed', PLAN);
    await child.propose(household());
    const decision = await child.open('approve-match');
    expect(await child.refusal(decision, both, 'approve-match', { reasons: 'my own proposal' })).toBe('separation-of-duties');
    await child.complete(decision, STAFF.manager, 'approve-match', { reasons: 'a second pair of eyes agrees' });
    await child.stage('placed');
  });

  it('lets only the reviewing officer bring a review forward, and only to a date from today before it is due', async () => {
    const child = await referChild();
    const first = await child.open('hold-child-review');
    const forward = (on: string, actor = IRO) => child.handle.executeUpdate(bringReviewForwardUpdate, { args: [{ on, actor }], updateId: randomUUID() }).catch(refusalCode);
    expect(await forward(today(), STAFF.caseworker)).toBe('not-permitted');
    expect(await forward(addDaysToDate(today(), -1))).toBe('invalid-input');
    // test-seconds: the review is due seconds from now, today: nothing is before it.
    expect(await forward(first.dueAt.toISOString().slice(0, 10))).toBe('invalid-input');
    expect(kit.store.tasks.get(first.id)!.status).toBe('open');
  });

  it('continues as new after four reviews while placed, carrying the review chain, the placement and the matching round', async () => {
    const child = await referChild();
    const placementId = await child.placeWith(household());
    const { runId } = await child.handle.describe();
    const seen: string[] = [];
    for (let n = 0; n < 4; n++) {
      const review = await child.open('hold-child-review', seen);
      seen.push(review.id);
      await child.complete(review, IRO, 'review-held', { heldOn: today(), decisions: 'the plan stands' });
    }
    await eventually(async () => ((await kit.client.workflow.getHandle(child.ref).describe()).runId !== runId ? true : undefined), 20_000, 'a new run');
    expect(await child.open('hold-child-review', seen)).toMatchObject({ ruleId: 'review.subsequent' });
    await kit.client.workflow.getHandle(placementWorkflowId(placementId)).executeUpdate(endPlacementUpdate, { args: [{ reason: 'eighteenth-birthday', endedOn: today(), actor: STAFF.caseworker }], updateId: randomUUID() }).catch((error) => expect(refusalCode(error)).toBe('invalid-input'));
    // A breakdown in the new run: a new matching round, with tasks of its own (not the first run's).
    const firstProposal = child.tasks().find((task) => task.type === 'propose-match')!;
    await kit.client.workflow.getHandle(placementWorkflowId(placementId)).executeUpdate(endPlacementUpdate, { args: [{ reason: 'breakdown', endedOn: today(), actor: STAFF.caseworker }], updateId: randomUUID() });
    await child.stage('matching');
    const again = await child.open('propose-match');
    expect(again.id).not.toBe(firstProposal.id);
    await child.propose(household());
    await child.complete(await child.open('approve-match', [child.tasks().find((task) => task.type === 'approve-match')!.id]), STAFF.manager, 'approve-match', { reasons: 'a second home' });
    await child.stage('placed');
  });

  it('raises exactly one alert for a missed visit', async () => {
    const child = await referChild();
    await child.complete(await child.open('write-care-plan'), STAFF.caseworker, 'plan-agreed', PLAN);
    await child.propose(household());
    await child.complete(await child.open('approve-match'), STAFF.manager, 'approve-match', { reasons: 'fits' });
    const visit = await child.open('record-visit');
    await eventually(async () => (kit.store.alerts.get(`task-overdue:${visit.id}`) ? true : undefined), 20_000, 'the overdue alert');
    // Well past the due time (test-seconds: 4 s), still one alert about the visit.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect([...kit.store.alerts.values()].filter((alert) => alert.taskId === visit.id)).toHaveLength(1);
  });

  it('ends a placement on the 18th birthday and closes the case', async () => {
    const child = await referChild({ dateOfBirth: addYears(today(), -18) });
    const home = household();
    await child.complete(await child.open('write-care-plan'), STAFF.caseworker, 'plan-agreed', PLAN);
    await child.propose(home);
    await child.complete(await child.open('approve-match'), STAFF.manager, 'approve-match', { reasons: 'until the birthday' });
    await child.stage('closed');
    const [placementId] = [...kit.store.placements.entries()].find(([, p]) => p.childId === child.childId)!;
    expect(kit.store.placements.get(placementId)).toMatchObject({ endedOn: today(), reason: 'eighteenth-birthday' });
    expect(kit.store.places.get(home)!.taken).toBe(0);
  });
});
