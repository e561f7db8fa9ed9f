import { addDaysToDate, ApprovalTerms, caseRef, localDateOf } from '@hearth/domain';
import { CarerRegisterRepository, ChildrenRepository } from '@hearth/persistence';
import { randomUUID } from 'node:crypto';
import { ChildWorkflows } from '../apps/api/src/children/child-workflows';
import { ChildJourney, REFERRAL } from './support/child-journey';
import { eventually, Harness, startHearth } from './support/hearth-harness';

const BAGHDAD = 'Asia/Baghdad';
const today = () => localDateOf(new Date(), BAGHDAD);
const TERMS: ApprovalTerms = { maxChildren: 2, ageMin: 0, ageMax: 11, sexes: ['female', 'male'], placementTypes: ['short-term'], languages: ['ckb'] };
const addMonths = (date: string, months: number) => {
  const [y, m, d] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, 0)).getUTCDate();
  return `${shifted.getUTCFullYear()}-${String(shifted.getUTCMonth() + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};

/** A child's journey over HTTP on the krg rule pack: real clocks, real PostgreSQL, the real workflows. */
describe("a child's journey over HTTP", () => {
  let hearth: Harness;

  beforeAll(async () => {
    hearth = await startHearth({ rulePackId: 'krg' });
  });
  afterAll(() => hearth?.close());

  /** An approved carer household on the register (as the agency decision puts it there). */
  async function approvedHousehold(terms: Partial<ApprovalTerms> = {}, area = 'Erbil'): Promise<string> {
    const child = new ChildJourney(hearth);
    const response = await hearth.http.post('/households').set(await child.auth('caseworker')).send({ primaryContactName: `Carers ${area} ${Math.random()}`, preferredLanguage: 'ckb', area }).expect(201);
    await new CarerRegisterRepository(hearth.dataSource).enter(response.body.id, { ...TERMS, ...terms }, new Date(), null);
    return response.body.id;
  }

  const freePlaces = async (journey: ChildJourney, householdId: string) => {
    const register = await hearth.http.get('/carers/register').query({ limit: 200 }).set(await journey.auth('caseworker')).expect(200);
    return register.body.items.find((entry: { householdId: string }) => entry.householdId === householdId)?.freePlaces;
  };
  const whyDue = async (journey: ChildJourney, taskId: string) => (await hearth.http.get(`/tasks/${taskId}/why-due`).set(await journey.auth('team-manager')).expect(200)).body;

  it('refers, plans, matches, places, records two visits and two reviews, each next due date from the actual dates; free places follow', async () => {
    const home = await approvedHousehold();
    const child = new ChildJourney(hearth);
    const lookedAfterOn = addDaysToDate(today(), -2);
    await child.refer({ lookedAfterOn, referredOn: lookedAfterOn });
    expect((await child.view()).caseNumber).toMatch(/^C-\d{4}-\d{4,}$/);

    // The first review: 20 working days from becoming looked after; the reviewing officer brings it forward.
    const [dueReview] = await child.openTasks('hold-child-review');
    expect(dueReview).toMatchObject({ ruleId: 'review.first' });
    expect(await whyDue(child, dueReview.id)).toMatchObject({ anchorDate: lookedAfterOn, offset: { amount: 20, unit: 'working-days' } });
    const forwardTo = addDaysToDate(today(), 3);
    const forward = (who: 'reviewing-officer' | 'caseworker', on: string, key: string) =>
      child.auth(who).then((auth) => hearth.http.post(`/children/${child.childId}/reviews/bring-forward`).set(auth).set('Idempotency-Key', `${key}-${child.childId}`).send({ on }));
    await forward('caseworker', forwardTo, 'forward-by-caseworker').then((response) => expect(response.status).toBe(403));
    await forward('reviewing-officer', addDaysToDate(today(), 60), 'forward-too-late').then((response) => expect(response.status).toBe(400));
    // The reviewing officer who took the review keeps it when bringing it forward.
    await hearth.http.post(`/tasks/${dueReview.id}/claim`).set(await child.auth('reviewing-officer')).set('Idempotency-Key', `claim-${dueReview.id}`).expect(200);
    await forward('reviewing-officer', forwardTo, 'forward-review').then((response) => expect(response.status).toBe(200));
    const firstReview = await eventually(async () => (await child.openTasks('hold-child-review')).find((task) => task.id !== dueReview.id));
    expect(firstReview).toMatchObject({ ruleId: 'review.brought-forward', dueDate: forwardTo, assigneeId: hearth.users['reviewing-officer'].id });

    expect(await freePlaces(child, home)).toBe(2);
    const placementId = await child.placeWith(home);
    expect(await freePlaces(child, home)).toBe(1);
    expect((await child.view()).proposals[0]).toMatchObject({ status: 'approved', proposalReasons: 'near school, speaks Sorani', decisionReasons: 'a good match' });
    // The household's page shows the child placed there, for its supervising worker.
    const carers = await hearth.http.get(`/households/${home}`).set(await child.auth('caseworker')).expect(200);
    expect(carers.body.placements).toEqual([expect.objectContaining({ placementId, childId: child.childId, childName: REFERRAL.fullName, startedOn: today() })]);

    // Visits: within a week of the start, then at most 6 weeks from the visit's actual date.
    const [firstVisit] = await child.openTasks('record-visit');
    expect(firstVisit).toMatchObject({ ruleId: 'visit.first', dueDate: addDaysToDate(today(), 7) });
    const iro = await child.token('reviewing-officer');
    await child.complete(firstVisit.id, await child.token('caseworker'), 'visited', { visitedOn: today(), seenAlone: true, notes: 'settled, her own room' }).expect(200);
    const secondVisit = await eventually(async () => (await child.openTasks('record-visit')).find((task) => task.id !== firstVisit.id));
    expect(secondVisit).toMatchObject({ ruleId: 'visit.first-year', dueDate: addDaysToDate(today(), 42) });
    await child.complete(secondVisit.id, await child.token('caseworker'), 'visited', { visitedOn: today(), seenAlone: false, notes: 'with her carer' }).expect(200);
    await eventually(async () => ((await child.view()).placements[0].visits.length === 2 ? true : undefined));

    // Reviews: the second 3 months after the first as held, the third 6 months after the second.
    const heldFirst = addDaysToDate(today(), -1);
    await child.complete(firstReview.id, iro, 'review-held', { heldOn: heldFirst, decisions: 'the plan stands' }).expect(200);
    const secondReview = await eventually(async () => (await child.openTasks('hold-child-review')).find((task) => task.id !== firstReview.id));
    expect(secondReview).toMatchObject({ ruleId: 'review.second', dueDate: addMonths(heldFirst, 3) });
    await child.complete(secondReview.id, iro, 'review-held', { heldOn: today(), decisions: 'contact weekly' }).expect(200);
    const thirdReview = await eventually(async () => (await child.openTasks('hold-child-review')).find((task) => ![dueReview.id, firstReview.id, secondReview.id].includes(task.id)));
    expect(thirdReview).toMatchObject({ ruleId: 'review.subsequent', dueDate: addMonths(today(), 6) });
    expect((await child.view()).reviews.map((review: { heldOn: string }) => review.heldOn)).toEqual([heldFirst, today()]);

    // A visit cannot be dated after today, nor before the placement began.
    const [thirdVisit] = await child.openTasks('record-visit');
    const caseworker = await child.token('caseworker');
    const future = await child.complete(thirdVisit.id, caseworker, 'visited', { visitedOn: addDaysToDate(today(), 1), seenAlone: true, notes: 'x' }, 'future-visit').expect(400);
    expect(Object.keys(future.body.fields)).toEqual(['data.visitedOn']);
    await child.complete(thirdVisit.id, caseworker, 'visited', { visitedOn: addDaysToDate(today(), -5), seenAlone: true, notes: 'x' }, 'early-visit').expect(400);
    // Nor a review dated before the last one: the chain would count from the past.
    const early = await child.complete(thirdReview.id, iro, 'review-held', { heldOn: heldFirst, decisions: 'x' }, 'early-review').expect(400);
    expect(Object.keys(early.body.fields)).toEqual(['data.heldOn']);

    // A move to another carer frees the place and opens a new matching.
    const ended = await hearth.http.post(`/placements/${placementId}/end`).set(await child.auth('caseworker')).set('Idempotency-Key', `end-${placementId}`).send({ reason: 'moved-to-another-carer', endedOn: today() }).expect(200);
    expect(ended.body.placements[0]).toMatchObject({ endedOn: today(), endReason: 'moved-to-another-carer' });
    expect(await freePlaces(child, home)).toBe(2);
    await hearth.http.post(`/placements/${placementId}/end`).set(await child.auth('caseworker')).set('Idempotency-Key', `end-again-${placementId}`).send({ reason: 'breakdown', endedOn: today() }).expect(409);
    await child.waitForStage('matching');
    await child.openTasks('propose-match');
  });

  it('gives a household’s last place to one of two approvals that race for it: the other gets 409 and nothing changes', async () => {
    const home = await approvedHousehold({ maxChildren: 1 });
    const [one, two] = [new ChildJourney(hearth), new ChildJourney(hearth)];
    for (const child of [one, two]) {
      await child.refer();
      await child.do('write-care-plan', 'caseworker', 'plan-agreed', { placementType: 'short-term', untilEighteen: false, needs: 'a calm home' });
      await child.do('propose-match', 'caseworker', 'proposed', { householdId: home, reasons: 'near family' });
    }
    const [taskOne] = await one.openTasks('approve-match');
    const [taskTwo] = await two.openTasks('approve-match');
    const manager = await one.token('team-manager');
    const statuses = (await Promise.all([one.complete(taskOne.id, manager, 'approve-match', { reasons: 'fits' }), two.complete(taskTwo.id, manager, 'approve-match', { reasons: 'fits' })])).map((r) => r.status);
    expect([...statuses].sort()).toEqual([200, 409]);
    expect(await freePlaces(one, home)).toBe(0);
    const placements = await hearth.dataSource.query(`SELECT child_id FROM placement WHERE household_id = $1`, [home]);
    expect(placements).toHaveLength(1);
    const [{ places_taken }] = await hearth.dataSource.query(`SELECT places_taken FROM carer_register WHERE household_id = $1`, [home]);
    expect(places_taken).toBe(1);
    // The refused approval's task is still open; the household is no longer on that child's shortlist.
    const loser = statuses[0] === 409 ? one : two;
    expect(await loser.openTasks('approve-match')).toHaveLength(1);
    const shortlist = await hearth.http.get(`/children/${loser.childId}/shortlist`).set(await loser.auth('caseworker')).expect(200);
    expect(shortlist.body.items.map((entry: { householdId: string }) => entry.householdId)).not.toContain(home);
  });

  it('keeps an approval sent while no worker runs: 503, then the same key places the child once', async () => {
    const home = await approvedHousehold({ maxChildren: 1 });
    const child = new ChildJourney(hearth);
    await child.refer();
    await child.do('write-care-plan', 'caseworker', 'plan-agreed', { placementType: 'short-term', untilEighteen: false, needs: 'a calm home' });
    await child.do('propose-match', 'caseworker', 'proposed', { householdId: home, reasons: 'near family' });
    const [decision] = await child.openTasks('approve-match');
    const manager = await child.token('team-manager');
    const key = `outage-${decision.id}`;
    await hearth.stopWorker();
    try {
      const unavailable = await child.complete(decision.id, manager, 'approve-match', { reasons: 'fits' }, key).expect(503);
      expect(unavailable.headers['retry-after']).toBeDefined();
    } finally {
      await hearth.startWorker();
    }
    await eventually(async () => ((await child.complete(decision.id, manager, 'approve-match', { reasons: 'fits' }, key)).status === 200 ? true : undefined), 30_000, 'the approval once the worker is back');
    await child.waitForStage('placed');
    const [{ n, taken }] = await hearth.dataSource.query(
      `SELECT (SELECT count(*)::int FROM placement WHERE household_id = $1) AS n, (SELECT places_taken FROM carer_register WHERE household_id = $1) AS taken`,
      [home],
    );
    expect({ n, taken }).toEqual({ n: 1, taken: 1 });
  });

  it('never shortlists a household outside the child’s age or placement type, and ranks a sibling group onto one household first', async () => {
    const tooYoung = await approvedHousehold({ ageMin: 0, ageMax: 4 });
    const otherType = await approvedHousehold({ placementTypes: ['respite'] });
    const onePlace = await approvedHousehold({ maxChildren: 1 });
    const twoPlaces = await approvedHousehold({ maxChildren: 2 });
    // The carers' background, recorded for matching, counts towards continuity for a Yazidi child.
    const admin = new ChildJourney(hearth);
    await hearth.http.put(`/households/${onePlace}/background`).set(await admin.auth('caseworker')).send({ area: 'Sheikhan', religions: ['Yazidi'] }).expect(200);
    const sister = new ChildJourney(hearth);
    await sister.refer({ fullName: 'Sara Kamal', religion: 'Yazidi' });
    const brother = new ChildJourney(hearth);
    await brother.refer({ fullName: 'Aram Kamal', sex: 'male', siblingOfChildId: sister.childId });
    await sister.do('write-care-plan', 'caseworker', 'plan-agreed', { placementType: 'short-term', untilEighteen: false, needs: 'together with her brother' });
    await eventually(async () => ((await sister.view()).placementTypeNeeded === 'short-term' ? true : undefined));
    const shortlist = (await hearth.http.get(`/children/${sister.childId}/shortlist`).set(await sister.auth('caseworker')).expect(200)).body.items as { householdId: string; reasons: { code: string }[] }[];
    const ids = shortlist.map((entry) => entry.householdId);
    expect(ids).not.toContain(tooYoung);
    expect(ids).not.toContain(otherType);
    expect(ids.indexOf(twoPlaces)).toBeLessThan(ids.indexOf(onePlace));
    expect(shortlist.find((entry) => entry.householdId === twoPlaces)!.reasons.map((reason) => reason.code)).toContain('room-for-siblings');
    expect(shortlist.find((entry) => entry.householdId === onePlace)!.reasons.map((reason) => reason.code)).toEqual(expect.arrayContaining(['no-room-for-siblings', 'same-religion']));
    // A household off the shortlist cannot be proposed, nor one that does not exist.
    const [propose] = await sister.openTasks('propose-match');
    const caseworker = await sister.token('caseworker');
    for (const householdId of [tooYoung, randomUUID()]) {
      await sister.complete(propose.id, caseworker, 'proposed', { householdId, reasons: 'x' }, `off-list-${householdId}`).expect(409);
    }
    await sister.complete(propose.id, caseworker, 'proposed', { householdId: twoPlaces, reasons: 'room for both' }).expect(200);
    await eventually(async () => ((await sister.view()).proposals[0]?.reasons.some((reason: { code: string }) => reason.code === 'room-for-siblings') ? true : undefined));
  });

  it("starts the workflow of a child whose start was lost (the reconciler), exactly once", async () => {
    const child = new ChildJourney(hearth);
    const id = randomUUID();
    await new ChildrenRepository(hearth.dataSource).refer(
      { ...REFERRAL, id, sex: 'female', languages: [], ethnicity: null, religion: null, culture: null, school: { area: null, latitude: null, longitude: null }, family: { area: null, latitude: null, longitude: null },
        consentGivenBy: 'parent', consentGivenOn: REFERRAL.referredOn, rulePackId: 'krg', rulePackVersion: 3, idempotencyKey: null, createdBy: hearth.users.caseworker.id },
      hearth.teamId,
      hearth.users.caseworker.id,
    );
    await hearth.dataSource.query(`UPDATE child SET created_at = now() - interval '5 minutes' WHERE id = $1`, [id]);
    const reconciler = hearth.app.get(ChildWorkflows);
    expect(await reconciler.reconcile()).toBeGreaterThanOrEqual(1);
    expect((await hearth.client.workflow.getHandle(caseRef('child', id)).describe()).status.name).toBe('RUNNING');
    await reconciler.reconcile();
    child.childId = id;
    expect(await child.openTasks('write-care-plan')).toHaveLength(1);
  });

  it('shows a child only to those who need to know, and logs every read', async () => {
    const child = new ChildJourney(hearth);
    await child.refer({ referralSource: 'court', consent: undefined, legalBasis: 'guardianship' });
    const duhok = await hearth.addStaffInTeam(await hearth.addTeam(), 'caseworker');
    await hearth.http.get(`/children/${child.childId}`).set(await child.auth({ username: duhok.username })).expect(404);
    // The reviewing officer sees the children whose reviews they chair.
    await hearth.http.get(`/children/${child.childId}`).set(await child.auth('reviewing-officer')).expect(200);
    const reads = await hearth.dataSource.query(`SELECT reader_id FROM personal_data_read WHERE case_ref = $1`, [caseRef('child', child.childId)]);
    expect(reads.map((read: { reader_id: string }) => read.reader_id)).toContain(hearth.users['reviewing-officer'].id);
    // Consent is needed unless a court or the police referred; the legal basis is the jurisdiction's.
    const caseworker = await child.auth('caseworker');
    const refer = (changes: Record<string, unknown>) => hearth.http.post('/children').set(caseworker).send({ ...REFERRAL, ...changes }).expect(400);
    const refused = await refer({ consent: undefined, legalBasis: 'care-order' });
    expect(Object.keys(refused.body.fields).sort()).toEqual(['consent', 'legalBasis']);
    // An adult, a referral before birth, consent not yet given, a blank name: each refused on its field.
    expect(Object.keys((await refer({ dateOfBirth: '2004-01-01' })).body.fields)).toEqual(['dateOfBirth']);
    expect(Object.keys((await refer({ referredOn: '2010-01-01' })).body.fields)).toEqual(['referredOn']);
    expect(Object.keys((await refer({ consent: { givenBy: 'parent', givenOn: addDaysToDate(today(), 1) } })).body.fields)).toEqual(['consent.givenOn']);
    expect((await refer({ fullName: '   ' })).body.message.join(' ')).toMatch(/fullName must not be blank/);
  });
});
