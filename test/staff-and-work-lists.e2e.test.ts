import { caseRef, CASE_NUMBER_PATTERN } from '@hearth/domain';
import { openTasksQuery } from '@hearth/workflows/contracts/human-task.contract';
import { HouseholdJourney } from './support/household-journey';
import { eventually, Harness, startHearth, TEST_PASSWORD } from './support/hearth-harness';

/** Issue 8 over HTTP: staff find their families, read work lists they can triage, and move work between people. */
describe('staff, work lists and moving work', () => {
  let hearth: Harness;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const login = async (username: string) => bearer(await hearth.login({ username }));

  beforeAll(async () => {
    hearth = await startHearth();
  });
  afterAll(() => hearth.close());

  async function enquiry(who: { username: string }, primaryContactName: string): Promise<{ id: string; caseNumber: string }> {
    const response = await hearth.http.post('/households').set(await login(who.username)).send({ primaryContactName, preferredLanguage: 'ckb', area: 'Erbil' }).expect(201);
    return response.body;
  }

  it('gives every case a number and finds a family by a misspelt Arabic-script name', async () => {
    const caseworker = await hearth.addStaff('caseworker');
    const manager = await hearth.addStaff('team-manager');
    const family = await enquiry(caseworker, 'شێرکۆ ئەحمەد ڕەسوڵ');
    expect(family.caseNumber).toMatch(CASE_NUMBER_PATTERN);
    const find = async (query: object) => (await hearth.http.get('/households').query(query).set(await login(manager.username)).expect(200)).body.items;
    // Arabic keyboard spelling (no Kurdish letters), a typo, Latin digits of the number.
    for (const name of ['شيركو ئه‌حمه‌د', 'شيرکو احمه', 'رسول']) {
      expect((await find({ name })).map((row: { id: string }) => row.id)).toContain(family.id);
    }
    const [byNumber] = await find({ caseNumber: family.caseNumber.toLowerCase() });
    expect(byNumber).toMatchObject({ id: family.id, caseNumber: family.caseNumber, displayName: 'شێرکۆ ئەحمەد ڕەسوڵ', stage: 'enquiry', teamName: expect.any(String) });
    expect(await find({ name: 'زەینەب' })).toEqual([]);
    // First and family name without the middle one; a case number in Arabic-Indic digits.
    expect((await find({ name: 'شيركو رسول' })).map((row: { id: string }) => row.id)).toContain(family.id);
    const arabicDigits = family.caseNumber.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
    expect((await find({ caseNumber: arabicDigits })).map((row: { id: string }) => row.id)).toEqual([family.id]);
    // Nothing to search by (only punctuation or marks) is a clear 400, not every household.
    await hearth.http.get('/households').query({ name: '%_ َ' }).set(await login(manager.username)).expect(400);
  });

  it('shows work list rows with the case number, family name, local due time and due state', async () => {
    const caseworker = await hearth.addStaff('caseworker');
    const family = await enquiry(caseworker, 'Rezan Hama');
    const row = await eventually(async () => {
      const inbox = await hearth.http.get('/tasks').query({ type: 'respond-to-enquiry', limit: 100 }).set(await login(caseworker.username)).expect(200);
      return inbox.body.items.find((task: { caseRef: string }) => task.caseRef === caseRef('household', family.id));
    }, 15_000, 'the enquiry task in the inbox');
    expect(row).toMatchObject({ caseNumber: family.caseNumber, caseName: 'Rezan Hama', timeZone: 'Asia/Baghdad', dueState: expect.stringMatching(/on-time|due-soon/), assigneeName: null });
    // The due time as a Baghdad wall clock: three hours ahead of UTC.
    const due = new Date(row.dueAt);
    expect(row.dueLocal).toBe(new Date(due.getTime() + 3 * 3_600_000).toISOString().slice(0, 16));
    const overdue = await hearth.http.get('/tasks').query({ overdue: true, caseNumber: family.caseNumber }).set(await login(caseworker.username)).expect(200);
    expect(overdue.body.items).toEqual([]);
    const soon = await hearth.http.get('/tasks').query({ dueWithinDays: 30, caseNumber: family.caseNumber }).set(await login(caseworker.username)).expect(200);
    expect(soon.body.items.map((task: { id: string }) => task.id)).toEqual([row.id]);
  });

  it("moves a sick worker's tasks in one call; the workflows take them and the new holder completes one", async () => {
    const journey = new HouseholdJourney(hearth);
    await journey.toStageOne();
    const sick = hearth.users.caseworker;
    const cover = await hearth.addStaff('caseworker');
    const manager = await journey.auth('team-manager');
    // Stage 1: a background check, two references and three other checks, all the supervising worker's.
    const held = await eventually(async () => {
      const open = (await journey.tasks()).filter((task) => task.status === 'open' && task.assigneeId === sick.id);
      return open.length === 6 ? open : undefined;
    }, 15_000, "the six stage 1 checks in the sick worker's hands");
    const moved = await hearth.http.post('/tasks/reassign').set(manager).set('Idempotency-Key', `sick-${journey.householdId}`).send({ fromWorkerId: sick.id, toWorkerId: cover.id }).expect(200);
    expect(moved.body.refused).toEqual([]);
    expect(moved.body.moved).toEqual(expect.arrayContaining(held.map((task) => task.id)));
    const inWorkflow = await hearth.client.workflow.getHandle(caseRef('household', journey.householdId)).query(openTasksQuery);
    for (const task of held) expect(inWorkflow.find((open) => open.taskId === task.id)?.assigneeId).toBe(cover.id);
    const caseload = await hearth.http.get(`/teams/${hearth.teamId}/caseload`).set(manager).expect(200);
    expect(caseload.body.workers.find((row: { assigneeId: string }) => row.assigneeId === cover.id)).toMatchObject({ assigneeName: expect.stringContaining('caseworker'), open: expect.any(Number) });
    await journey.complete(held[0].id, await hearth.login({ username: cover.username }), 'satisfactory').expect(200);
    const timeline = (await hearth.http.get(`/households/${journey.householdId}`).set(manager).expect(200)).body.timeline;
    expect(timeline.filter((entry: { action: string }) => entry.action === 'task.reassigned').length).toBe(held.length);
  });

  it('refuses a reassignment that would breach separation of duties, with the reason', async () => {
    const journey = new HouseholdJourney(hearth);
    await journey.toStageOne();
    const both = await hearth.addStaff('caseworker', 'team-manager');
    const [check] = await journey.openTasks('background-check');
    const manager = await journey.auth('team-manager');
    await hearth.http.post('/tasks/reassign').set(manager).set('Idempotency-Key', `check-to-both-${check.id}`).send({ taskIds: [check.id], toWorkerId: both.id }).expect(200);
    await journey.complete(check.id, await hearth.login({ username: both.username }), 'satisfactory').expect(200);
    await journey.do('personal-reference', 'caseworker', 'satisfactory', undefined, 2);
    for (const type of ['medical-check', 'local-authority-check', 'previous-agency-reference']) await journey.do(type, 'caseworker', 'satisfactory');
    const [decide] = await journey.openTasks('decide-stage-2');
    const refused = await hearth.http.post('/tasks/reassign').set(manager).set('Idempotency-Key', `sod-${decide.id}`).send({ taskIds: [decide.id], toWorkerId: both.id }).expect(403);
    expect(refused.body).toMatchObject({ error: 'separation-of-duties', message: expect.stringContaining('they carried out a stage 1 check') });
  });

  it('shows what was recorded: a check that found concerns, alerted to the team manager, and why the case was withdrawn', async () => {
    const journey = new HouseholdJourney(hearth);
    await journey.toStageOne();
    const ref = caseRef('household', journey.householdId);
    const [check] = await journey.openTasks('medical-check');
    const caseworker = await journey.token('caseworker');
    const unsaid = await journey.complete(check.id, caseworker, 'concerns', {}, `unsaid-${check.id}`).expect(400);
    expect(unsaid.body.fields).toHaveProperty(['data.concerns']);
    const blank = await journey.complete(check.id, caseworker, 'concerns', { concerns: '   ' }, `blank-${check.id}`).expect(400);
    expect(blank.body.fields['data.concerns']).toEqual(['must not be blank']);
    await journey.complete(check.id, caseworker, 'concerns', { concerns: 'a heart condition needs a specialist opinion' }).expect(200);
    const manager = await journey.auth('team-manager');
    const [alert] = await eventually(async () => {
      const page = await hearth.http.get('/alerts').query({ kind: 'check-concerns', caseRef: ref }).set(manager).expect(200);
      return page.body.items.length ? page.body.items : undefined;
    }, 15_000, 'the concerns alert');
    expect(alert).toMatchObject({ severity: 'warning', about: 'medical-check', aboutTitle: expect.any(String), caseNumber: expect.stringMatching(CASE_NUMBER_PATTERN), caseName: 'Journey Family', timeZone: 'Asia/Baghdad' });
    await hearth.http.post(`/households/${journey.householdId}/withdraw`).set(await journey.auth('caseworker')).set('Idempotency-Key', `withdraw-${ref}`).send({ reason: 'the family is moving to Baghdad' }).expect(200);
    const view = (await hearth.http.get(`/households/${journey.householdId}`).set(manager).expect(200)).body;
    expect(view.checks).toContainEqual(expect.objectContaining({ type: 'medical-check', outcome: 'concerns', foundConcerns: true, concerns: 'a heart condition needs a specialist opinion' }));
    expect(view.exit).toMatchObject({ kind: 'withdrawn', reason: 'the family is moving to Baghdad', recordedByName: expect.any(String) });
  });

  it('pages alerts most severe first, so a critical alert never drops out of view', async () => {
    const caseworker = await hearth.addStaff('caseworker');
    const family = await enquiry(caseworker, 'Alerting Family');
    const ref = caseRef('household', family.id);
    const raise = (key: string, severity: string, minutesAgo: number) =>
      hearth.dataSource.query(
        `INSERT INTO alert (kind, dedupe_key, recipient_role, severity, case_ref, about, raised_at) VALUES ('needs-attention', $1, 'team-manager', $2, $3, 'test', date_trunc('milliseconds', now()) - make_interval(mins => $4))`,
        [`${key}:${ref}`, severity, ref, minutesAgo],
      );
    await raise('old-info', 'info', 300);
    await raise('old-warning', 'warning', 200);
    await raise('new-critical', 'critical', 1);
    const manager = await login((await hearth.addStaff('team-manager')).username);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await hearth.http.get('/alerts').query({ caseRef: ref, limit: 1, ...(cursor ? { cursor } : {}) }).set(manager).expect(200);
      seen.push(...page.body.items.map((item: { severity: string }) => item.severity));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor && seen.length < 10);
    expect(seen).toEqual(['critical', 'warning', 'info']);
    const stranger = await login((await hearth.addStaffInTeam(await hearth.addTeam(), 'team-manager')).username);
    expect((await hearth.http.get('/alerts').query({ caseRef: ref }).set(stranger).expect(200)).body.items).toEqual([]);
  });

  it('claims and releases a task offered to a role', async () => {
    const caseworker = await hearth.addStaff('caseworker');
    const family = await enquiry(caseworker, 'Claim Family');
    const task = await eventually(async () => {
      const page = await hearth.http.get('/tasks').query({ caseNumber: family.caseNumber }).set(await login(caseworker.username)).expect(200);
      return page.body.items[0];
    }, 15_000, 'the enquiry task');
    const claimer = await login(caseworker.username);
    const claimed = await hearth.http.post(`/tasks/${task.id}/claim`).set(claimer).set('Idempotency-Key', `claim-${task.id}`).expect(200);
    expect(claimed.body).toMatchObject({ assigneeId: caseworker.id, assigneeName: expect.any(String) });
    const other = await hearth.addStaff('caseworker');
    await hearth.http.post(`/tasks/${task.id}/claim`).set(await login(other.username)).set('Idempotency-Key', `claim2-${task.id}`).expect(409);
    // Held by someone else: another caseworker may not complete it (their manager reassigns it instead).
    const notTheirs = await hearth.http.post(`/tasks/${task.id}/complete`).set(await login(other.username)).set('Idempotency-Key', `not-theirs-${task.id}`).send({ outcome: 'visit-arranged' }).expect(403);
    expect(notTheirs.body.message).toContain('someone else holds this task');
    const released = await hearth.http.post(`/tasks/${task.id}/release`).set(claimer).set('Idempotency-Key', `release-${task.id}`).expect(200);
    expect(released.body.assigneeId).toBeNull();
    // Two claims at once: one wins, the other is told someone holds it.
    const third = await hearth.addStaff('caseworker');
    const claims = await Promise.all([
      hearth.http.post(`/tasks/${task.id}/claim`).set(await login(other.username)).set('Idempotency-Key', `race-a-${task.id}`),
      hearth.http.post(`/tasks/${task.id}/claim`).set(await login(third.username)).set('Idempotency-Key', `race-b-${task.id}`),
    ]);
    expect(claims.map((response) => response.status).sort()).toEqual([200, 409]);
  });

  it('sends new tasks of a worker on leave to their delegate', async () => {
    const journey = new HouseholdJourney(hearth);
    await journey.recordEnquiry();
    const worker = await hearth.addStaff('caseworker');
    const delegate = await hearth.addStaff('caseworker');
    const workerAuth = await login(worker.username);
    const now = Date.now();
    await hearth.http
      .post(`/staff/${worker.id}/delegations`)
      .set(workerAuth)
      .send({ delegateId: delegate.id, startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 7 * 86_400_000).toISOString() })
      .expect(201);
    // The worker answers the enquiry (so is the supervising worker); the visit that follows is theirs, so it goes to the delegate.
    const [respond] = await journey.openTasks('respond-to-enquiry');
    await journey.complete(respond.id, await hearth.login({ username: worker.username }), 'visit-arranged').expect(200);
    const [visit] = await journey.openTasks('initial-home-visit');
    expect(visit.assigneeId).toBe(delegate.id);
    const inWorkflow = await hearth.client.workflow.getHandle(caseRef('household', journey.householdId)).query(openTasksQuery);
    expect(inWorkflow.find((task) => task.taskId === visit.id)?.assigneeId).toBe(delegate.id);
  });

  it('keeps a household from staff with no part in it: 403 to a member of another panel, 404 to another team', async () => {
    const caseworker = await hearth.addStaff('caseworker');
    const family = await enquiry(caseworker, 'Need To Know Family');
    const panelMember = await hearth.addStaff('panel-member');
    await hearth.http.get(`/households/${family.id}`).set(await login(panelMember.username)).expect(403);
    const otherTeam = await hearth.addTeam();
    const stranger = await hearth.addStaffInTeam(otherTeam, 'caseworker');
    await hearth.http.get(`/households/${family.id}`).set(await login(stranger.username)).expect(404);
    const search = await hearth.http.get('/households').query({ name: 'Need To Know' }).set(await login(stranger.username)).expect(200);
    expect(search.body.items).toEqual([]);
    const task = await eventually(async () => (await hearth.http.get('/tasks').query({ caseNumber: family.caseNumber }).set(await login(caseworker.username)).expect(200)).body.items[0], 15_000, 'a task');
    await hearth.http.get(`/tasks/${task.id}`).set(await login(stranger.username)).expect(404);
    await hearth.http.get(`/tasks/${task.id}`).set(await login(panelMember.username)).expect(403);
    // Acting is reading: a stranger cannot complete the task either, even with a valid outcome.
    await hearth.http.post(`/tasks/${task.id}/complete`).set(await login(stranger.username)).set('Idempotency-Key', `stranger-${task.id}`).send({ outcome: 'visit-arranged' }).expect(404);
    const refused = await hearth.http.get('/tasks').query({ caseNumber: family.caseNumber }).set(await login(stranger.username)).expect(404);
    expect(refused.body.message).toBe(`no case ${family.caseNumber}`);
    const caseworkerOfOtherTeam = await hearth.addStaffInTeam(otherTeam, 'caseworker');
    await hearth.http.post('/tasks/reassign').set(await login((await hearth.addStaff('team-manager')).username)).set('Idempotency-Key', `cross-${task.id}`).send({ taskIds: [task.id], toWorkerId: caseworkerOfOtherTeam.id }).expect(403);
  });

  it('logs every read of personal data, and admins read the log', async () => {
    const caseworker = await hearth.addStaff('caseworker');
    const family = await enquiry(caseworker, 'Logged Family');
    const reader = await login(caseworker.username);
    await hearth.http.get(`/households/${family.id}`).set(reader).expect(200);
    await hearth.http.get(`/households/${family.id}/members`).set(reader).expect(200);
    await hearth.http.get('/households').query({ name: 'Logged' }).set(reader).expect(200);
    const admin = bearer(await hearth.login('admin'));
    const log = await hearth.http.get('/personal-data-reads').query({ caseRef: caseRef('household', family.id) }).set(admin).expect(200);
    const routes = log.body.items.filter((read: { readerId: string }) => read.readerId === caseworker.id).map((read: { route: string }) => read.route);
    expect(routes).toEqual(expect.arrayContaining(['GET /households/:id', 'GET /households/:id/members', 'GET /households']));
    expect(log.body.items[0]).toMatchObject({ caseNumber: family.caseNumber, readerName: expect.any(String), fields: expect.any(Array) });
    await hearth.http.get('/personal-data-reads').set(reader).expect(403);
  });

  it("ends a deactivated user's session at once, and a password reset ends every session", async () => {
    const admin = bearer(await hearth.login('admin'));
    const created = await hearth.http
      .post('/staff')
      .set(admin)
      .send({ username: `new.worker.${Date.now()}`, displayName: 'Hero Aziz', roles: ['caseworker'], teamId: hearth.teamId, password: 'a long first password' })
      .expect(201);
    const own = await hearth.http.post('/auth/login').send({ username: created.body.username, password: 'a long first password' }).expect(200);
    const session = bearer(own.body.accessToken);
    expect((await hearth.http.get('/me').set(session).expect(200)).body).toMatchObject({ displayName: 'Hero Aziz', roles: ['caseworker'], teamId: hearth.teamId });
    await hearth.http.patch(`/staff/${created.body.id}`).set(admin).send({ roles: ['assessor'] }).expect(200);
    expect((await hearth.http.get('/me').set(session).expect(200)).body.roles).toEqual(['assessor']);
    await hearth.http.put(`/staff/${created.body.id}/password`).set(admin).send({ password: 'a second long password' }).expect(204);
    await hearth.http.get('/me').set(session).expect(401);
    const again = bearer((await hearth.http.post('/auth/login').send({ username: created.body.username, password: 'a second long password' }).expect(200)).body.accessToken);
    await hearth.http.patch(`/staff/${created.body.id}`).set(admin).send({ active: false }).expect(200);
    const refused = await hearth.http.get('/me').set(again).expect(401);
    expect(refused.body.message).toContain('deactivated');
  });

  it('throttles failed logins per user with 429 and Retry-After, and says the account is locked', async () => {
    const user = await hearth.addStaff('caseworker');
    for (let attempt = 0; attempt < 4; attempt++) await hearth.http.post('/auth/login').send({ username: user.username, password: 'wrong password' }).expect(401);
    const locked = await hearth.http.post('/auth/login').send({ username: user.username, password: 'wrong password' }).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.body.message).toContain('locked');
    await hearth.http.post('/auth/login').send({ username: user.username, password: TEST_PASSWORD }).expect(429);
    // Guesses sent at once are counted before any password is checked: at most five get an answer.
    const target = await hearth.addStaff('caseworker');
    const guesses = await Promise.all(Array.from({ length: 20 }, () => hearth.http.post('/auth/login').send({ username: target.username, password: 'guess' })));
    expect(guesses.filter((response) => response.status === 401).length).toBeLessThanOrEqual(5);
    expect(guesses.filter((response) => response.status === 429).length).toBeGreaterThanOrEqual(15);
    // An admin's password reset lifts the lock.
    await hearth.http.put(`/staff/${target.id}/password`).set(bearer(await hearth.login('admin'))).send({ password: 'a brand new password' }).expect(204);
    await hearth.http.post('/auth/login').send({ username: target.username, password: 'a brand new password' }).expect(200);
  });

  it('sends security headers, and no-store on personal data', async () => {
    const caseworker = await hearth.addStaff('caseworker');
    const family = await enquiry(caseworker, 'Header Family');
    const response = await hearth.http.get(`/households/${family.id}`).set(await login(caseworker.username)).expect(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('lists staff by name and role for pickers', async () => {
    const chair = await hearth.addStaff('panel-chair');
    const me = await login(hearth.users.caseworker.username);
    const chairs = await hearth.http.get('/staff').query({ role: 'panel-chair' }).set(me).expect(200);
    expect(chairs.body.items.map((row: { id: string }) => row.id)).toContain(chair.id);
    expect(chairs.body.items[0]).not.toHaveProperty('passwordHash');
  });
});
