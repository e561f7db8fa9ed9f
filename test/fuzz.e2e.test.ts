import { runMigrations } from '@hearth/persistence';
import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { eventually, Harness, startHearth } from './support/hearth-harness';
import { fuzz } from './fuzz/openapi-fuzzer';

// Requests generated from the OpenAPI document get no 5xx. `npm test` sends FUZZ_REQUESTS (400);
// `npm run fuzz` sends 10 000. It runs on a database of its own: it declares days off at random.
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 400);
const SEED = Number(process.env.FUZZ_SEED ?? 7);

describe(`${REQUESTS} requests generated from the OpenAPI document (seed ${SEED})`, () => {
  let hearth: Harness;
  let database: string;
  const admin = () => new PgClient({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    database = `hearth_fuzz_${randomUUID().slice(0, 8)}`;
    const client = admin();
    await client.connect();
    await client.query(`CREATE DATABASE ${database}`);
    await client.end();
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${database}`;
    await runMigrations(url.toString());
    hearth = await startHearth({ databaseUrl: url.toString() });
  });

  afterAll(async () => {
    await hearth.close();
    const client = admin();
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await client.end();
  });

  it('answers every one with less than 500', async () => {
    const tokens = await Promise.all((['admin', 'caseworker', 'team-manager', 'panel-chair', 'decision-maker', 'assessor'] as const).map((role) => hearth.login(role)));
    const [adminToken, caseworker, manager] = tokens;
    const household = await hearth.http.post('/households').set({ authorization: `Bearer ${caseworker}` }).send({ primaryContactName: 'Fuzz Family', preferredLanguage: 'ckb' }).expect(201);
    const task = await eventually(async () => {
      const page = await hearth.http.get('/tasks').query({ caseRef: household.body.caseRef }).set({ authorization: `Bearer ${caseworker}` });
      return page.body.items?.[0];
    });
    const second = await hearth.addStaff('panel-member');
    const panel = await hearth.http
      .post('/panels')
      .set({ authorization: `Bearer ${manager}` })
      .send({ sittingAt: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) + 'T09:00', chairId: hearth.users['panel-chair'].id, memberIds: [hearth.users['panel-member'].id, second.id] });
    const dayOff = await hearth.http.post('/calendar/closures').set({ authorization: `Bearer ${adminToken}` }).send({ date: '2031-01-15', name: 'Fuzz closure' }).expect(202);
    const report = await fuzz(
      {
        baseUrl: hearth.baseUrl,
        tokens,
        knownIds: {
          id: [household.body.id, task.id, panel.body.id, dayOff.body.day.id, dayOff.body.change.id].filter(Boolean),
          ref: [household.body.caseRef],
        },
      },
      REQUESTS,
      SEED,
    );
    console.log(`fuzz: ${report.sent} requests, by status ${JSON.stringify(report.byStatus)}`);
    expect(report.failures).toEqual([]);
  }, 30 * 60_000);
});
