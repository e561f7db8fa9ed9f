import { caseRef } from '@hearth/domain';
import { randomUUID } from 'node:crypto';
import { eventually, Harness, startHearth } from './support/hearth-harness';
import { APPROVAL, HouseholdJourney, TERMS } from './support/household-journey';

/** Carer approval end to end over HTTP, on the rule pack whose clocks run in seconds. */
describe('carer approval, from enquiry to the carer register', () => {
  let hearth: Harness;

  beforeAll(async () => {
    hearth = await startHearth({ rulePackId: 'test-seconds' });
  });
  afterAll(() => hearth.close());

  const journey = () => new HouseholdJourney(hearth);

  it('takes a household from enquiry to approved, as each role in turn, and puts it on the register with its terms', async () => {
    const family = journey();
    await family.toPanelBooking();
    const panelId = await family.bookPanel();
    const panel = await hearth.http.get(`/panels/${panelId}`).set(await family.auth('team-manager')).expect(200);
    expect(panel.body.cases).toEqual([expect.objectContaining({ householdId: family.householdId, papers: expect.stringMatching(/due|late/) })]);
    const recommendation = (await family.openTasks('record-panel-recommendation'))[0];
    expect(recommendation.assigneeId).toBe(hearth.users['panel-chair'].id);

    await family.panelRecommends('approve', APPROVAL);
    await family.waitForStage('decision');
    // The decision maker reads the recommendation, its terms and reasons, before deciding.
    const before = await hearth.http.get(`/households/${family.householdId}`).set(await family.auth('decision-maker')).expect(200);
    expect(before.body.recommendation).toMatchObject({ outcome: 'approve', terms: TERMS, reasons: APPROVAL.reasons, recordedBy: hearth.users['panel-chair'].id });
    // Approving on other terms than recommended needs a reason for the departure, and is flagged.
    const [decision] = await family.openTasks('make-decision');
    const fewer = { ...APPROVAL, terms: { ...TERMS, maxChildren: 1 } };
    const refused = await family.complete(decision.id, await family.token('decision-maker'), 'approve', fewer, `departing-${decision.id}`).expect(400);
    expect(Object.keys(refused.body.fields)).toEqual(['data.departureReason']);
    await family.complete(decision.id, await family.token('decision-maker'), 'approve', { ...fewer, departureReason: 'one child at first, as the carers asked' }, `departing-2-${decision.id}`).expect(200);
    await family.waitForStage('approved');
    await family.tellApplicant();
    const after = await hearth.http.get(`/households/${family.householdId}`).set(await family.auth('caseworker')).expect(200);
    expect(after.body).toMatchObject({ decisionDepartsFromRecommendation: true, decision: { outcome: 'approve', departureReason: 'one child at first, as the carers asked' } });

    const register = await hearth.http
      .get('/carers/register')
      .query({ placementType: 'short-term', age: 5, language: 'ckb', limit: 200 })
      .set(await family.auth('caseworker'))
      .expect(200);
    const entry = register.body.items.find((item: { householdId: string }) => item.householdId === family.householdId);
    expect(entry).toMatchObject({ ...TERMS, maxChildren: 1, placesTaken: 0, freePlaces: 1, area: 'Erbil' });
    const tooOld = await hearth.http.get('/carers/register').query({ age: 15, limit: 200 }).set(await family.auth('caseworker')).expect(200);
    expect(tooOld.body.items.map((item: { householdId: string }) => item.householdId)).not.toContain(family.householdId);

    const papers = await hearth.http.get(`/panels/${panelId}`).set(await family.auth('caseworker')).expect(200);
    // The test pack wants papers 4 s before a sitting booked 2 s ahead: they went out late, and the agenda says so.
    expect(papers.body.cases[0]).toMatchObject({ papers: 'sent-late', recommendation: 'approve' });
    const result = await hearth.client.workflow.getHandle(caseRef('household', family.householdId)).result();
    expect(result).toEqual({ stage: 'approved' });
  });

  it('withdraws during stage 2: every open task is cancelled with the reason and the workflow ends', async () => {
    const family = journey();
    await family.toStageOne();
    await family.throughStageOne();
    await family.openTasks('assessment-visits');
    const response = await hearth.http
      .post(`/households/${family.householdId}/withdraw`)
      .set(await family.auth('caseworker'))
      .set('Idempotency-Key', `withdraw-${family.householdId}`)
      .send({ reason: 'moving to another governorate' })
      .expect(200);
    expect(response.body.stage).toBe('withdrawn');
    const cancelled = response.body.tasks.filter((task: { status: string }) => task.status === 'cancelled');
    expect(cancelled.map((task: { type: string }) => task.type).sort()).toEqual(['assessment-report', 'assessment-visits', 'preparation-training']);
    expect(cancelled.every((task: { cancelReason: string }) => task.cancelReason === 'the applicant withdrew')).toBe(true);
    expect(response.body.tasks.filter((task: { status: string }) => task.status === 'open')).toEqual([]);
    expect(response.body.timeline.map((entry: { action: string }) => entry.action)).toContain('household.withdrawn');
    expect(await hearth.client.workflow.getHandle(caseRef('household', family.householdId)).result()).toEqual({ stage: 'withdrawn' });
    const retried = await hearth.http
      .post(`/households/${family.householdId}/withdraw`)
      .set(await family.auth('caseworker'))
      .set('Idempotency-Key', `withdraw-${family.householdId}`)
      .send({ reason: 'moving to another governorate' })
      .expect(200);
    expect(retried.body.stage).toBe('withdrawn');
    await hearth.http
      .post(`/households/${family.householdId}/withdraw`)
      .set(await family.auth('caseworker'))
      .set('Idempotency-Key', `withdraw-again-${family.householdId}`)
      .send({ reason: 'again' })
      .expect(409);
  });

  it('lets only a team manager end an assessment', async () => {
    const family = journey();
    await family.toStageOne();
    const send = async (role: 'caseworker' | 'team-manager') =>
      hearth.http.post(`/households/${family.householdId}/end-assessment`).set(await family.auth(role)).set('Idempotency-Key', `end-${role}-${family.householdId}`).send({ reason: 'references raised concerns' });
    expect((await send('caseworker')).status).toBe(403);
    const ended = await send('team-manager');
    expect(ended.status).toBe(200);
    expect(ended.body.stage).toBe('assessment-ended');
  });

  it('ends not approved when the decision maker does not approve, and keeps the household off the register', async () => {
    const family = journey();
    await family.toPanelBooking();
    await family.bookPanel();
    await family.panelRecommends('not-approve', { reasons: 'the household cannot meet the standards yet' });
    await family.waitForStage('decision');
    await family.do('make-decision', 'decision-maker', 'not-approve', { reasons: 'agrees with the panel' });
    await family.waitForStage('not-approved');
    await family.tellApplicant();
    expect(await hearth.client.workflow.getHandle(caseRef('household', family.householdId)).result()).toEqual({ stage: 'not-approved' });
    const register = await hearth.http.get('/carers/register').query({ limit: 200 }).set(await family.auth('caseworker')).expect(200);
    expect(register.body.items.map((item: { householdId: string }) => item.householdId)).not.toContain(family.householdId);
  });

  it('goes back to stage 2 when the panel defers, and is approved at a second panel', async () => {
    const family = journey();
    await family.toPanelBooking();
    await family.bookPanel();
    await family.panelRecommends('defer-to-stage-2', { reasons: 'the report needs more on the birth children' });
    await family.waitForStage('stage-2');
    await family.throughStageTwo();
    const secondPanel = await family.bookPanel();
    await family.panelRecommends('approve', APPROVAL);
    await family.do('make-decision', 'decision-maker', 'approve', APPROVAL);
    await family.waitForStage('approved');
    const panel = await hearth.http.get(`/panels/${secondPanel}`).set(await family.auth('caseworker')).expect(200);
    expect(panel.body.cases[0].recommendation).toBe('approve');
    const visits = (await family.tasks()).filter((task) => task.type === 'assessment-visits');
    expect(visits).toHaveLength(2);
  });

  it('refuses a decision maker who sat on the panel with 403 and a reason, audits it, and lets another decide', async () => {
    const family = journey();
    await family.toPanelBooking();
    const sitting = await hearth.addStaff('decision-maker', 'panel-member');
    await family.bookPanel({ memberIds: [hearth.users['panel-member'].id, sitting.id] });
    await family.panelRecommends('approve', APPROVAL);
    const [decision] = await family.openTasks('make-decision');
    const refused = await family.complete(decision.id, await family.token(sitting), 'approve', APPROVAL).expect(403);
    expect(refused.body).toMatchObject({ error: 'separation-of-duties', message: expect.stringMatching(/sat on the panel/) });
    const audit = await hearth.dataSource.query(`SELECT actor_id, after FROM audit_event WHERE action = 'task.completion-refused' AND entity_id = $1`, [decision.id]);
    expect(audit).toEqual([{ actor_id: sitting.id, after: { refused: true, code: 'separation-of-duties', reason: expect.stringMatching(/sat on the panel/) } }]);
    // The same key with another request is refused; the other decision maker uses a key of their own.
    await family.complete(decision.id, await family.token('decision-maker'), 'approve', APPROVAL).expect(409);
    await family.complete(decision.id, await family.token('decision-maker'), 'approve', APPROVAL, `other-${decision.id}`).expect(200);
    await family.waitForStage('approved');
  });

  it('refuses an approval without valid terms, naming the fields', async () => {
    const family = journey();
    await family.toPanelBooking();
    await family.bookPanel();
    await family.do('send-panel-papers', 'caseworker', 'sent');
    const [task] = await family.openTasks('record-panel-recommendation');
    const chair = await family.token('panel-chair');
    const missing = await family.complete(task.id, chair, 'approve').expect(400);
    expect(Object.keys(missing.body.fields).sort()).toEqual(['data.reasons', 'data.terms']);
    const wrong = await hearth.http
      .post(`/tasks/${task.id}/complete`)
      .set({ authorization: `Bearer ${chair}` })
      .set('Idempotency-Key', `bad-terms-${task.id}`)
      .send({ outcome: 'approve', data: { ...APPROVAL, terms: { ...TERMS, ageMin: 12, ageMax: 3, placementTypes: ['holiday'] } } })
      .expect(400);
    expect(Object.keys(wrong.body.fields).sort()).toEqual(['data.terms.ageMax', 'data.terms.placementTypes']);
  });

  it('raises one alert when the papers reach the panel late', async () => {
    const family = journey();
    await family.toPanelBooking();
    // The sitting is 2 s away; papers are due 4 s before it, so they are late from the start.
    const panelId = await family.bookPanel({ sittingInMs: 2_000 });
    const [papers] = await family.openTasks('send-panel-papers');
    const overdue = await eventually(async () => {
      const rows = await hearth.dataSource.query(`SELECT id FROM alert WHERE task_id = $1 AND kind = 'task-overdue'`, [papers.id]);
      return rows.length > 0 ? rows : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const again = await hearth.dataSource.query(`SELECT id FROM alert WHERE task_id = $1 AND kind = 'task-overdue'`, [papers.id]);
    expect(again).toEqual(overdue);
    expect(overdue).toHaveLength(1);
    const panel = await hearth.http.get(`/panels/${panelId}`).set(await family.auth('team-manager')).expect(200);
    expect(panel.body.cases[0].papers).toBe('late');
  });

  it('raises one statutory-ceiling alert when the panel has not recommended within the ceiling after application, resolved when the case ends', async () => {
    const family = journey();
    await family.toStageOne();
    const ref = caseRef('household', family.householdId);
    const alerts = await eventually(
      async () => {
        const rows = await hearth.dataSource.query(`SELECT kind, severity, recipient_role FROM alert WHERE case_ref = $1 AND kind = 'statutory-ceiling'`, [ref]);
        return rows.length > 0 ? rows : undefined;
      },
      25_000,
      'the ceiling alert',
    );
    expect(alerts).toEqual([{ kind: 'statutory-ceiling', severity: 'critical', recipient_role: 'team-manager' }]);
    const manager = await hearth.http.get('/alerts').set(await family.auth('team-manager')).expect(200);
    expect(manager.body.items.some((alert: { caseRef: string; kind: string }) => alert.caseRef === ref && alert.kind === 'statutory-ceiling')).toBe(true);
    // A caseworker sees the reminders addressed to them or their role, not the managers' alerts.
    const caseworker = await hearth.http.get('/alerts').set(await family.auth('caseworker')).expect(200);
    const kinds = new Set(caseworker.body.items.map((alert: { kind: string }) => alert.kind));
    expect(kinds.has('task-reminder')).toBe(true);
    expect([...kinds].filter((kind) => kind !== 'task-reminder')).toEqual([]);
    // Withdrawing ends the case, and with it the breach: the alert is resolved.
    await hearth.http
      .post(`/households/${family.householdId}/withdraw`)
      .set(await family.auth('caseworker'))
      .set('Idempotency-Key', `withdraw-${family.householdId}`)
      .send({ reason: 'no longer able to foster' })
      .expect(200);
    await eventually(async () => {
      const open = await hearth.dataSource.query(`SELECT id FROM alert WHERE case_ref = $1 AND kind = 'statutory-ceiling' AND resolved_at IS NULL`, [ref]);
      return open.length === 0 ? true : undefined;
    }, 10_000, 'the ceiling alert to be resolved');
  });

  it('opens a background check for an adult added during stage 1, and none for a child', async () => {
    const family = journey();
    await family.toStageOne();
    expect(await family.openTasks('background-check', 1)).toHaveLength(1);
    const add = async (kind: 'adult' | 'child', fullName: string) =>
      hearth.http
        .post(`/households/${family.householdId}/members`)
        .set(await family.auth('caseworker'))
        .set('Idempotency-Key', `member-${randomUUID()}`)
        .send({ kind, fullName, relationship: kind === 'adult' ? 'partner' : 'son', dateOfBirth: kind === 'adult' ? '1985-04-02' : '2015-09-30' })
        .expect(201);
    await add('child', 'Child Member');
    const partner = await add('adult', 'Partner Member');
    const checks = await family.openTasks('background-check', 2);
    expect(checks).toHaveLength(2);
    // The inbox says which adult each check is about.
    const inbox = await hearth.http.get('/tasks').query({ caseRef: caseRef('household', family.householdId) }).set(await family.auth('caseworker')).expect(200);
    const labels = inbox.body.items.filter((task: { type: string }) => task.type === 'background-check').map((task: { subject: { label: string } }) => task.subject.label);
    expect(labels.sort()).toEqual(['Journey Family', 'Partner Member']);
    const referees = inbox.body.items.filter((task: { type: string }) => task.type === 'personal-reference').map((task: { subject: { label: string } }) => task.subject.label);
    expect(referees.sort()).toEqual(['Referee 1', 'Referee 2']);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await family.tasks()).filter((task) => task.type === 'background-check')).toHaveLength(2);
    const members = await hearth.http.get(`/households/${family.householdId}/members`).set(await family.auth('caseworker')).expect(200);
    expect(members.body.items.map((m: { kind: string }) => m.kind).sort()).toEqual(['adult', 'adult', 'child']);
    expect(partner.body.kind).toBe('adult');
  });
});
