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

  it('answers 401 to a stream without a token', async () => {
    const response = await fetch(`${hearth.baseUrl}/alerts/stream`);
    expect(response.status).toBe(401);
    await response.body?.cancel();
  });
});
