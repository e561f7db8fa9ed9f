import { StaffMember } from '@hearth/domain';
import { AlertEventRow, AlertsRepository } from '@hearth/persistence';

/** Events read at a time. */
const BATCH = 200;
/**
 * How far back each read looks. Event numbers are taken when a transaction writes the alert, and
 * transactions commit in any order: number 9 can become visible after number 10 was sent. Each read
 * looks back this many numbers and skips what this stream already sent, so a late commit within the
 * window still arrives (alert transactions are short: one activity's write).
 */
const REORDER_WINDOW = 200;

/**
 * One live stream's position in the alert events: what a viewer may see that it has not yet been
 * sent. Delivery is at least once across a reconnection (a resumed stream looks back over the
 * window too); clients drop event ids they have seen.
 */
export class AlertStream {
  private readonly sent = new Set<number>();
  private last: number;

  private constructor(
    private readonly alerts: AlertsRepository,
    private viewer: StaffMember,
    start: number,
  ) {
    this.last = start;
  }

  /** A stream from now: what is already committed counts as sent. */
  static async fromNow(alerts: AlertsRepository, viewer: StaffMember): Promise<AlertStream> {
    const stream = new AlertStream(alerts, viewer, await alerts.latestEventSeq());
    await stream.next();
    return stream;
  }

  /** A stream resumed after the last event a client saw (Last-Event-ID). */
  static after(alerts: AlertsRepository, viewer: StaffMember, lastEventId: number): AlertStream {
    return new AlertStream(alerts, viewer, lastEventId);
  }

  /** The events committed since the last read that this stream has not sent, in number order; `viewer`: who they are now (roles, team). */
  async next(viewer: StaffMember = this.viewer): Promise<AlertEventRow[]> {
    this.viewer = viewer;
    const fresh: AlertEventRow[] = [];
    for (let from = Math.max(0, this.last - REORDER_WINDOW); ; ) {
      const batch = await this.alerts.eventsAfter(this.viewer, from, BATCH);
      for (const row of batch) {
        const seq = Number(row.eventSeq);
        if (!this.sent.has(seq)) fresh.push(row);
        this.sent.add(seq);
        this.last = Math.max(this.last, seq);
      }
      if (batch.length < BATCH) break;
      from = Number(batch[batch.length - 1].eventSeq);
    }
    for (const seq of this.sent) if (seq <= this.last - REORDER_WINDOW) this.sent.delete(seq);
    return fresh;
  }
}
