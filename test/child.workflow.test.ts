import { Actor, addDaysToDate, addYears, caseRef } from '@hearth/domain';
import { WorkflowHandle } from '@temporalio/client';
import { completeTaskUpdate } from '@hearth/workflows/contracts/human-task.contract';
import { endPlacementUpdate, placementWorkflowId } from '@hearth/workflows/contracts/placement.contract';
import type { childWorkflow } from '@hearth/workflows/child.workflow';
import { randomUUID } from 'node:crypto';
import { eventually } from './support/hearth-harness';
import { MemoryTask } from './support/in-memory-case';
import { KitHarness, refusalCode, staff, STAFF, startKit } from './support/kit-harness';

const today = () => new Date().toISOString().slice(0, 10); // test-seconds runs on UTC
const IRO = staff('iro-1', 'reviewing-officer');
const PLAN = { placementType: 'short-term', untilEighteen: false, needs: 'settled routine, school near family' };

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

  /** Drives one child's case as the API would. */
  async function referChild(options: { dateOfBirth?: string; caseworker?: Actor } = {}) {
    const childId = randomUUID();
    const ref = caseRef('child', childId);
    const caseworker = options.caseworker ?? STAFF.caseworker;
    kit.store.children.set(childId, { dateOfBirth: options.dateOfBirth ?? '2018-03-01', placementType: null, untilEighteen: false });
    const handle: WorkflowHandle<typeof childWorkflow> = await kit.client.workflow.start<typeof childWorkflow>('childWorkflow', {
      workflowId: ref,
      taskQueue: kit.temporal.taskQueue,
      args: [{ childId, rulePackId: 'test-seconds', rulePackVersion: 1, lookedAfterOn: today(), caseworkerId: caseworker.userId }],
    });
    const open = (type: string) =>
      eventually(async () => [...kit.store.tasks.values()].find((t) => t.caseRef === ref && t.type === type && t.status === 'open'), 20_000, `an open ${type}`);
    const complete = async (task: MemoryTask, actor: Actor, outcome: string, data: Record<string, unknown>) => {
      const submissionId = kit.store.submit(data);
      const key = randomUUID();
      const target = kit.client.workflow.getHandle(task.workflowId);
      for (let attempt = 0; ; attempt++) {
        try {
          return await target.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, outcome, actor, completionKey: key, submissionId }], updateId: `complete-task:${task.id}:${key}` });
        } catch (error) {
          if (refusalCode(error) !== 'not-ready' || attempt > 50) throw error;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    };
    const refusal = (task: MemoryTask, actor: Actor, outcome: string, data: Record<string, unknown>) =>
      complete(task, actor, outcome, data).then(
        () => undefined,
        (error) => refusalCode(error) ?? Promise.reject(error),
      );
    const stage = (wanted: string) => eventually(async () => (kit.store.stageOf(childId) === wanted ? true : undefined), 20_000, `stage ${wanted} (at ${kit.store.stageOf(childId)})`);
    const propose = async (householdId: string) => complete(await open('propose-match'), caseworker, 'proposed', { householdId, reasons: 'keeps her near school' });
    const placementOf = () => eventually(async () => [...kit.store.placements.entries()].find(([, p]) => p.childId === childId && !p.endedOn), 20_000, 'a placement');
    return { childId, ref, handle, open, complete, refusal, stage, propose, placementOf, caseworker };
  }

  const household = (places = 1) => {
    const householdId = randomUUID();
    kit.store.places.set(householdId, { max: places, taken: 0 });
    return householdId;
  };

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
