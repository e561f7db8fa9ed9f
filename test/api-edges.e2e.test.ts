import { addDaysToDate, caseRef, FRIDAY, krgPack, localDateOf, WorkingDays } from '@hearth/domain';
import { randomUUID } from 'node:crypto';
import { HouseholdWorkflows } from '../apps/api/src/households/household-workflows';
import { eventually, Harness, startHearth } from './support/hearth-harness';

/** The API's edges: bad input is a clear 4xx, keys name one request, safeguards leave an audit row, the system says when it is not whole. */
describe('the API at its edges', () => {
  let hearth: Harness;
  let caseworker: string;
  let manager: string;
  let admin: string;

  beforeAll(async () => {
    hearth = await startHearth({ workerStaleMs: 1_500 }, { heartbeatMs: 300 });
    [caseworker, manager, admin] = await Promise.all([hearth.login('caseworker'), hearth.login('team-manager'), hearth.login('admin')]);
  });
  afterAll(() => hearth.close());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const enquiry = (name: string) => ({ primaryContactName: name, preferredLanguage: 'ckb', area: 'Erbil' });

  describe('an Idempotency-Key names one request', () => {
    it('answers a repeat with the same household, and refuses the key with another body or from another member of staff', async () => {
      const key = `enquiry-${randomUUID()}`;
      const first = await hearth.http.post('/households').set(bearer(caseworker)).set('Idempotency-Key', key).send(enquiry('Karwan Aziz')).expect(201);
      const again = await hearth.http.post('/households').set(bearer(caseworker)).set('Idempotency-Key', key).send(enquiry('Karwan Aziz')).expect(200);
      expect(again.body.id).toBe(first.body.id);
      const other = await hearth.http.post('/households').set(bearer(caseworker)).set('Idempotency-Key', key).send(enquiry('Someone Else')).expect(409);
      expect(other.body.message).toMatch(/different request/);
      await hearth.http.post('/households').set(bearer(manager)).set('Idempotency-Key', key).send(enquiry('Karwan Aziz')).expect(409);
    });

    it('gives a key back when its request was refused as invalid, so the corrected request can use it', async () => {
      const key = `enquiry-${randomUUID()}`;
      await hearth.http.post('/households').set(bearer(caseworker)).set('Idempotency-Key', key).send({ preferredLanguage: 'ckb' }).expect(400);
      await hearth.http.post('/households').set(bearer(caseworker)).set('Idempotency-Key', key).send(enquiry('Dilan Omar')).expect(201);
    });
  });

  describe("a client's mistakes are 4xx, never 500", () => {
    it('refuses a charset it cannot read (415), a body over the limit (413), JSON nested too deep, malformed or not decompressing, a reference too long (400) and a token without claims (401)', async () => {
      const charset = await hearth.http.post('/households').set(bearer(caseworker)).set('content-type', 'application/json; charset=koi8-r').send(JSON.stringify(enquiry('A'))).expect(415);
      expect(charset.body.statusCode).toBe(415);
      await hearth.http.post('/households').set(bearer(caseworker)).set('content-type', 'application/json').send(JSON.stringify({ notes: 'x'.repeat(300_000) })).expect(413);
      const deep = '['.repeat(5_000) + ']'.repeat(5_000);
      await hearth.http.post('/households').set(bearer(caseworker)).set('content-type', 'application/json').send(deep).expect(400);
      await hearth.http.post('/households').set(bearer(caseworker)).set('content-type', 'application/json').send('{"primaryContactName": ').expect(400);
      await hearth.http.post('/households').set(bearer(caseworker)).set('content-type', 'application/json').set('content-encoding', 'gzip').send('{"not": "gzip"}').expect(400);
      await hearth.http.post('/households').set(bearer(caseworker)).set('content-type', 'application/json').set('content-encoding', 'br').send('{"not": "brotli"}').expect(400);
      await hearth.http.post(`/cases/household:${'x'.repeat(5000)}/retry`).set(bearer(admin)).set('Idempotency-Key', `retry-${randomUUID()}`).send({ step: 'x' }).expect(400);
      const { JwtService } = await import('@nestjs/jwt');
      const jwt = hearth.app.get(JwtService);
      const noClaims = await jwt.signAsync({ hello: 'world' });
      await hearth.http.get('/tasks').set(bearer(noClaims)).expect(401);
    });
  });

  describe('panels', () => {
    /** The next krg working day at least two days ahead, and the Friday after it. */
    const days = () => {
      const calendar = new WorkingDays({ timeZone: krgPack.timeZone, weekend: krgPack.weekend, holidays: [] });
      const working = calendar.onOrAfter(addDaysToDate(localDateOf(new Date(), krgPack.timeZone), 2));
      let friday = working;
      while (new Date(`${friday}T12:00:00Z`).getUTCDay() !== FRIDAY) friday = addDaysToDate(friday, 1);
      return { working, friday };
    };
    const panel = (sittingAt: string, memberIds = [hearth.users['panel-member'].id, randomUUID()]) =>
      hearth.http.post('/panels').set(bearer(manager)).send({ sittingAt, chairId: hearth.users['panel-chair'].id, memberIds });

    it('reads a sitting time without an offset in the jurisdiction, and refuses one in the past, on a weekend, or without a quorum', async () => {
      const second = await hearth.addStaff('panel-member');
      const members = [hearth.users['panel-member'].id, second.id];
      const { working, friday } = days();
      const created = await panel(`${working}T09:00`, members).expect(201);
      expect(new Date(created.body.sittingAt).toISOString()).toBe(new Date(`${working}T06:00:00Z`).toISOString()); // 09:00 in Baghdad
      const past = await panel('2020-01-05T09:00', members).expect(400);
      expect(past.body.message).toMatch(/past/);
      const weekend = await panel(`${friday}T09:00`, members).expect(400);
      expect(weekend.body.message).toMatch(/not a working day/);
      const quorum = await panel(`${working}T10:00`, [hearth.users['panel-member'].id]).expect(400);
      expect(quorum.body.message).toMatch(/quorum/);
      const refusals = await hearth.dataSource.query(`SELECT after->>'reason' AS reason FROM audit_event WHERE action = 'panel.refused' AND actor_id = $1`, [hearth.users['team-manager'].id]);
      expect(refusals.length).toBeGreaterThanOrEqual(3);
    });
  });

  describe('members', () => {
    async function household(stage: string) {
      const created = await hearth.http.post('/households').set(bearer(caseworker)).send(enquiry('Hana Rashid')).expect(201);
      await hearth.dataSource.query(`UPDATE household SET stage = $2 WHERE id = $1`, [created.body.id, stage]);
      return created.body.id as string;
    }
    const add = (id: string) =>
      hearth.http.post(`/households/${id}/members`).set(bearer(caseworker)).set('Idempotency-Key', `member-${randomUUID()}`).send({ kind: 'adult', fullName: 'New Partner', relationship: 'partner' });

    it('refuses a member for a case that has ended, with an audit row', async () => {
      const id = await household('withdrawn');
      const refused = await add(id).expect(409);
      expect(refused.body.message).toMatch(/ended/);
      const audit = await hearth.dataSource.query(`SELECT action FROM audit_event WHERE case_ref = $1 AND action = 'household.member-refused'`, [caseRef('household', id)]);
      expect(audit).toHaveLength(1);
    });

    it('alerts the team managers when an adult joins an approved household', async () => {
      const id = await household('approved');
      await add(id).expect(201);
      const alerts = await hearth.dataSource.query(`SELECT kind, recipient_role, about FROM alert WHERE case_ref = $1`, [caseRef('household', id)]);
      expect(alerts).toContainEqual({ kind: 'household-changed', recipient_role: 'team-manager', about: 'adult-joined' });
    });
  });

  it('lets only an admin retry a step, refuses a step that is not waiting with an audit row, and a reference that is not a case', async () => {
    const created = await hearth.http.post('/households').set(bearer(caseworker)).send(enquiry('Sara Jalal')).expect(201);
    const ref = caseRef('household', created.body.id);
    const retry = (token: string, target: string = ref) => hearth.http.post(`/cases/${target}/retry`).set(bearer(token)).set('Idempotency-Key', `retry-${randomUUID()}`).send({ step: 'enter-carer-register' });
    await retry(caseworker).expect(403);
    await retry(admin, 'placement:nope').expect(400);
    const refused = await retry(admin).expect(409);
    expect(refused.body.message).toMatch(/no step "enter-carer-register" is waiting/);
    const audit = await hearth.dataSource.query(`SELECT action FROM audit_event WHERE case_ref = $1 AND action = 'case.step-retry-refused'`, [ref]);
    expect(audit).toHaveLength(1);
  });

  it("starts the workflow of a household whose start was lost (the reconciler), exactly once", async () => {
    const id = randomUUID();
    await hearth.dataSource.query(
      `INSERT INTO household (id, stage, rule_pack_id, rule_pack_version, primary_contact_name, preferred_language, created_by, created_at)
       VALUES ($1, 'enquiry', 'krg', 2, 'Lost Start', 'ckb', $2, now() - interval '5 minutes')`,
      [id, hearth.users.caseworker.id],
    );
    const reconciler = hearth.app.get(HouseholdWorkflows);
    expect(await reconciler.reconcile()).toBeGreaterThanOrEqual(1);
    const handle = hearth.client.workflow.getHandle(caseRef('household', id));
    expect((await handle.describe()).status.name).toBe('RUNNING');
    await reconciler.reconcile();
    const [{ started }] = await hearth.dataSource.query(`SELECT workflow_started_at IS NOT NULL AS started FROM household WHERE id = $1`, [id]);
    expect(started).toBe(true);
  });

  it('reports a stopped worker on /health as 503, and ok again once it is back', async () => {
    await eventually(async () => ((await hearth.http.get('/health')).status === 200 ? true : undefined), 10_000, 'health ok');
    await hearth.stopWorker();
    const down = await eventually(async () => {
      const response = await hearth.http.get('/health');
      return response.status === 503 ? response : undefined;
    }, 10_000, 'health to notice the worker is gone');
    expect(down.body).toMatchObject({ status: 'degraded', worker: { ok: false }, database: { ok: true }, temporal: { ok: true } });
    expect(down.headers['retry-after']).toBeDefined();
    await hearth.startWorker();
    await eventually(async () => ((await hearth.http.get('/health')).status === 200 ? true : undefined), 10_000, 'health ok again');
  });
});
