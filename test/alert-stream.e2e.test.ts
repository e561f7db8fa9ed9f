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
      // Nothing from before the resume point comes again.
      expect(resumed.events.filter((each) => each.id && Number(each.id) <= Number(seen.id))).toEqual([]);
    } finally {
      resumed.stop();
    }
  });

  it('answers 401 to a stream without a token', async () => {
    const response = await fetch(`${hearth.baseUrl}/alerts/stream`);
    expect(response.status).toBe(401);
    await response.body?.cancel();
  });
});
