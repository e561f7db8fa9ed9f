import { caseRef } from '@hearth/domain';
import { followStream, StreamEvent } from '../apps/web/src/api/event-stream';
import { eventually, Harness, startHearth } from './support/hearth-harness';
import { HouseholdJourney } from './support/household-journey';

interface AlertEvent {
  change: 'raised' | 'resolved';
  alert: { id: string; kind: string; caseRef: string; caseNumber: string | null; caseName: string | null; raisedLocal: string };
}

/** GET /alerts/stream: alerts as they happen, from PostgreSQL's NOTIFY, resumed with Last-Event-ID. */
describe('the live alert stream', () => {
  let hearth: Harness;
  let journey: HouseholdJourney;
  let headers: Record<string, string>;

  beforeAll(async () => {
    hearth = await startHearth({ rulePackId: 'test-seconds' });
    journey = new HouseholdJourney(hearth);
    headers = await journey.auth('team-manager');
  });
  afterAll(() => hearth?.close());

  const follow = (lastEventId?: string) => {
    const events: StreamEvent[] = [];
    const stop = followStream(`${hearth.baseUrl}/alerts/stream`, { onEvent: (event) => events.push(event), onStatus: () => undefined }, () => ({ ...headers, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) }));
    const raisedFor = (ref: string) =>
      eventually(async () => events.find((event) => event.type === 'raised' && (JSON.parse(event.data) as AlertEvent).alert.caseRef === ref), 30_000, `an alert event on ${ref}`);
    return { events, stop, raisedFor };
  };

  it('sends each alert as it is raised, with the case number and family name, numbered for resuming', async () => {
    const stream = follow();
    try {
      await journey.recordEnquiry();
      const ref = caseRef('household', journey.householdId);
      const event = await stream.raisedFor(ref);
      const body = JSON.parse(event.data) as AlertEvent;
      expect(event.id).toMatch(/^\d+$/);
      expect(body).toMatchObject({ change: 'raised', alert: { caseRef: ref, caseName: 'Journey Family', caseNumber: expect.stringMatching(/^H-\d{4}-\d{4,}$/) } });
      // The same alert as the paged list shows.
      const listed = await hearth.http.get('/alerts').query({ caseRef: ref }).set(headers).expect(200);
      expect(listed.body.items.map((alert: { id: string }) => alert.id)).toContain(body.alert.id);
    } finally {
      stream.stop();
    }
  });

  it('resumes after a lost connection from Last-Event-ID: nothing raised meanwhile is missed', async () => {
    const first = follow();
    const before = new HouseholdJourney(hearth);
    await before.recordEnquiry();
    const seen = await first.raisedFor(caseRef('household', before.householdId));
    first.stop();

    // Raised while nobody listens.
    const missed = new HouseholdJourney(hearth);
    await missed.recordEnquiry();
    const ref = caseRef('household', missed.householdId);
    await eventually(async () => ((await hearth.http.get('/alerts').query({ caseRef: ref }).set(headers).expect(200)).body.items.length ? true : undefined), 30_000, 'the missed alert');

    const resumed = follow(seen.id!);
    try {
      const event = await resumed.raisedFor(ref);
      expect(Number(event.id)).toBeGreaterThan(Number(seen.id));
      // At least once: the last events before the resume point may come again, each id once.
      const ids = resumed.events.filter((each) => each.id).map((each) => each.id);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      resumed.stop();
    }
  });

  it('sends an alert whose transaction commits after a later-numbered one', async () => {
    const household = new HouseholdJourney(hearth);
    await household.recordEnquiry();
    const ref = caseRef('household', household.householdId);
    const stream = follow();
    const raise = async (kind: string) => {
      const runner = hearth.dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      const [row] = await runner.query(
        `INSERT INTO alert (kind, severity, case_ref, raised_at, dedupe_key, recipient_id) VALUES ($1, 'warning', $2, now(), $3, $4) RETURNING event_seq::text AS seq`,
        [kind, ref, `stream-test:${kind}:${ref}`, hearth.users['team-manager'].id],
      );
      return { seq: row.seq as string, commit: async () => (await runner.commitTransaction(), await runner.release()) };
    };
    const byId = (id: string) => eventually(async () => stream.events.find((event) => event.id === id), 15_000, `event ${id}`);
    try {
      await stream.raisedFor(ref); // the enquiry's own alerts have come: the stream is live
      const early = await raise('household-changed');
      const late = await raise('check-concerns');
      expect(Number(early.seq)).toBeLessThan(Number(late.seq));
      await late.commit();
      await byId(late.seq);
      await early.commit();
      await byId(early.seq);
    } finally {
      stream.stop();
    }
  });

  it("re-reads who is listening before each send: a deactivation ends the stream, a move to another team narrows it", async () => {
    const admin = await journey.auth('admin');
    for (const change of [{ active: false }, { teamId: await hearth.addTeam() }]) {
      const manager = await hearth.addStaff('team-manager');
      const token = await hearth.login({ username: manager.username });
      const events: StreamEvent[] = [];
      const stop = followStream(`${hearth.baseUrl}/alerts/stream`, { onEvent: (event) => events.push(event), onStatus: () => undefined }, () => ({ authorization: `Bearer ${token}` }));
      try {
        const seen = new HouseholdJourney(hearth);
        await seen.recordEnquiry();
        await eventually(async () => events.find((event) => event.type === 'raised' && event.data.includes(seen.householdId)), 30_000, 'an alert before the change');
        await hearth.http.patch(`/staff/${manager.id}`).set(admin).send(change).expect(200);
        const unseen = new HouseholdJourney(hearth);
        await unseen.recordEnquiry();
        // The old team's managers' alert on it is raised before the stream is checked.
        const overdue = `SELECT 1 FROM alert WHERE case_ref = $1 AND kind = 'task-overdue'`;
        await eventually(async () => ((await hearth.dataSource.query(overdue, [caseRef('household', unseen.householdId)])).length ? true : undefined), 30_000, 'the overdue alert');
        if ('active' in change) {
          await eventually(async () => (events.some((event) => event.type === 'session-ended') ? true : undefined), 30_000, 'the stream to end');
        } else {
          // An alert addressed to them by name comes after the old team's: once it is here, the old team's would have been too.
          const [{ seq }] = await hearth.dataSource.query(
            `INSERT INTO alert (kind, severity, case_ref, raised_at, dedupe_key, recipient_id) VALUES ('household-changed', 'warning', $1, now(), $2, $3) RETURNING event_seq::text AS seq`,
            [caseRef('household', seen.householdId), `stream-test:moved:${manager.id}`, manager.id],
          );
          await eventually(async () => events.find((event) => event.id === seq), 30_000, 'the alert addressed to them');
        }
        expect(events.some((event) => event.data.includes(unseen.householdId))).toBe(false);
      } finally {
        stop();
      }
    }
  });

  it('answers 401 to a stream without a token', async () => {
    const response = await fetch(`${hearth.baseUrl}/alerts/stream`);
    expect(response.status).toBe(401);
    await response.body?.cancel();
  });
});
