import { caseRef } from '@hearth/domain';
import { eventually, Harness, startHearth } from './support/hearth-harness';

/** End to end over HTTP: an enquiry opens a task, staff complete it, the household moves on. */
describe('completing a household enquiry task over HTTP', () => {
  let hearth: Harness;
  let caseworker: string;

  beforeAll(async () => {
    hearth = await startHearth({ updateTimeoutMs: 3000 });
    caseworker = await hearth.login('caseworker');
  });
  afterAll(() => hearth.close());

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  async function recordEnquiry(token = caseworker): Promise<string> {
    const response = await hearth.http
      .post('/households')
      .set(auth(token))
      .send({ primaryContactName: 'Test Family', preferredLanguage: 'ckb', area: 'Erbil' })
      .expect(201);
    return response.body.id;
  }

  async function openTaskOf(householdId: string, type: string) {
    return eventually(async () => {
      const response = await hearth.http.get('/tasks').query({ caseRef: caseRef('household', householdId) }).set(auth(caseworker)).expect(200);
      return response.body.items.find((task: { type: string; status: string }) => task.type === type && task.status === 'open');
    }, 15_000, `an open ${type} task`);
  }

  function complete(taskId: string, token: string, key: string, body: object = { outcome: 'visit-arranged' }) {
    return hearth.http.post(`/tasks/${taskId}/complete`).set(auth(token)).set('Idempotency-Key', key).send(body);
  }

  it('opens "respond to enquiry", and completing it opens "initial home visit" for the same caseworker', async () => {
    const householdId = await recordEnquiry();
    const task = await openTaskOf(householdId, 'respond-to-enquiry');
    expect(task).toMatchObject({ candidateRole: 'caseworker', ruleId: 'enquiry.respond', rulePackId: 'krg', rulePackVersion: 3, status: 'open' });
    expect(Date.parse(task.dueAt)).toBeGreaterThan(Date.now() + 24 * 3600_000);

    const completed = await complete(task.id, caseworker, `first-${task.id}`, { outcome: 'visit-arranged', data: { contact: 'by phone' } }).expect(200);
    expect(completed.body).toMatchObject({ id: task.id, status: 'completed', outcome: 'visit-arranged', completedBy: hearth.users.caseworker.id });

    const visit = await openTaskOf(householdId, 'initial-home-visit');
    expect(visit.assigneeId).toBe(hearth.users.caseworker.id);

    const household = await hearth.http.get(`/households/${householdId}`).set(auth(caseworker)).expect(200);
    expect(household.body.stage).toBe('initial-visit');
    expect(household.body.timeline.map((entry: { action: string }) => entry.action)).toEqual([
      'household.enquiry-recorded',
      'task.opened',
      'task.completed',
      'case.supervising-worker-changed',
      'household.stage-changed',
      'task.opened',
    ]);
  });

  it('gives the same answer and has one effect when a completion is sent twice with one key', async () => {
    const householdId = await recordEnquiry();
    const task = await openTaskOf(householdId, 'respond-to-enquiry');
    const first = await complete(task.id, caseworker, `twice-${task.id}`).expect(200);
    const second = await complete(task.id, caseworker, `twice-${task.id}`).expect(200);
    expect(second.body).toEqual(first.body);
    await openTaskOf(householdId, 'initial-home-visit');
    const [{ count }] = await hearth.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_event WHERE action = 'task.completed' AND entity_id = $1`,
      [task.id],
    );
    expect(count).toBe(1);
  });

  it('lets one of two caseworkers completing the same task at once win; the other gets 409', async () => {
    const householdId = await recordEnquiry();
    const task = await openTaskOf(householdId, 'respond-to-enquiry');
    const other = await hearth.login(await hearth.addStaff('caseworker'));
    const responses = await Promise.all([
      complete(task.id, caseworker, `race-a-${task.id}`),
      complete(task.id, other, `race-b-${task.id}`),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('refuses a member of staff without the task role with 403, and changes nothing', async () => {
    const householdId = await recordEnquiry();
    const task = await openTaskOf(householdId, 'respond-to-enquiry');
    const panelChair = await hearth.login('panel-chair');
    const response = await complete(task.id, panelChair, `role-${task.id}`).expect(403);
    expect(response.body.error).toBe('not-permitted');
    const after = await hearth.http.get(`/tasks/${task.id}`).set(auth(caseworker)).expect(200);
    expect(after.body.status).toBe('open');
  });

  it('answers a bad body with 400 naming each failing field', async () => {
    const householdId = await recordEnquiry();
    const task = await openTaskOf(householdId, 'respond-to-enquiry');
    const response = await complete(task.id, caseworker, `bad-${task.id}`, { outcome: 42, colour: 'red' }).expect(400);
    expect(Object.keys(response.body.fields).sort()).toEqual(['colour', 'outcome']);
    const unknownOutcome = await complete(task.id, caseworker, `bad2-${task.id}`, { outcome: 'approved' }).expect(400);
    expect(unknownOutcome.body.error).toBe('invalid-outcome');
    await hearth.http.post(`/tasks/${task.id}/complete`).set(auth(caseworker)).send({ outcome: 'visit-arranged' }).expect(400);
    const badEnquiry = await hearth.http.post('/households').set(auth(caseworker)).send({ preferredLanguage: 'fr' }).expect(400);
    expect(Object.keys(badEnquiry.body.fields).sort()).toEqual(['preferredLanguage', 'primaryContactName']);
  });

  it('answers 404 for an unknown task, 400 for a malformed id and 401 without a token', async () => {
    await complete('00000000-0000-4000-8000-000000000000', caseworker, 'unknown-task-key').expect(404);
    await hearth.http.get('/tasks/not-a-uuid').set(auth(caseworker)).expect(400);
    await hearth.http.get('/tasks').expect(401);
    await hearth.http.get('/tasks').set(auth('not-a-token')).expect(401);
    await hearth.http.get('/health').expect(200);
    await hearth.http.get('/docs-json').expect(200);
  });

  it('answers 503 with Retry-After while no worker runs, and succeeds on retry once the worker is back', async () => {
    const householdId = await recordEnquiry();
    const task = await openTaskOf(householdId, 'respond-to-enquiry');
    await hearth.stopWorker();
    try {
      const unavailable = await complete(task.id, caseworker, `outage-${task.id}`).expect(503);
      expect(unavailable.headers['retry-after']).toBeDefined();
    } finally {
      await hearth.startWorker();
    }
    const retried = await complete(task.id, caseworker, `outage-${task.id}`).expect(200);
    expect(retried.body.status).toBe('completed');
    await openTaskOf(householdId, 'initial-home-visit');
  });

  it('pages the inbox by keyset with a cursor, soonest due first, without repeats', async () => {
    for (let i = 0; i < 3; i++) await recordEnquiry();
    await eventually(async () => {
      const all = await hearth.http.get('/tasks').query({ limit: 100 }).set(auth(caseworker)).expect(200);
      return all.body.items.length >= 3 ? true : undefined;
    });
    const seen: string[] = [];
    const dueDates: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await hearth.http.get('/tasks').query({ limit: 2, ...(cursor ? { cursor } : {}) }).set(auth(caseworker)).expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      for (const item of page.body.items) {
        seen.push(item.id);
        dueDates.push(Date.parse(item.dueAt));
      }
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect([...dueDates].sort((a, b) => a - b)).toEqual(dueDates);
    await hearth.http.get('/tasks').query({ cursor: 'garbage' }).set(auth(caseworker)).expect(400);
  });

  it('keeps the family\'s personal details out of the workflow history', async () => {
    const response = await hearth.http
      .post('/households')
      .set(auth(caseworker))
      .send({ primaryContactName: 'Hozan Private-Name', phone: '+964 750 999 8877', email: 'hozan@example.org', preferredLanguage: 'kmr', notes: 'lives near the bazaar' })
      .expect(201);
    const task = await openTaskOf(response.body.id, 'respond-to-enquiry');
    await complete(task.id, caseworker, `privacy-${task.id}`, { outcome: 'visit-arranged', data: { spokeWith: 'Hozan Private-Name' } }).expect(200);
    await openTaskOf(response.body.id, 'initial-home-visit');
    const history = await hearth.client.workflow.getHandle(caseRef('household', response.body.id)).fetchHistory();
    const text = JSON.stringify(history, (_key, value) => (value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : value));
    expect(text).toContain(response.body.id);
    for (const personal of ['Hozan', '750 999', 'example.org', 'bazaar']) expect(text).not.toContain(personal);
  });

  it('records an enquiry once when the same Idempotency-Key is sent twice at once and again later', async () => {
    const key = `enquiry-${Date.now()}`;
    const send = () => hearth.http.post('/households').set(auth(caseworker)).set('Idempotency-Key', key).send({ primaryContactName: 'Once Only', preferredLanguage: 'en' });
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(b.body.id).toBe(a.body.id);
    const again = await send().expect(200);
    expect(again.body.id).toBe(a.body.id);
  });
});
