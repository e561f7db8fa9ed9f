import { DomainError } from '@hearth/domain';
import { DataSource, EntityManager } from 'typeorm';
import { writeAudit } from './audit';

export interface DelegationRecord {
  id: string;
  staffId: string;
  staffName: string;
  delegateId: string;
  delegateName: string;
  startsAt: Date;
  endsAt: Date;
  createdBy: string;
  cancelledAt: Date | null;
}

const SELECT_DELEGATION = `
  SELECT d.id, d.staff_id AS "staffId", s.display_name AS "staffName", d.delegate_id AS "delegateId", g.display_name AS "delegateName",
         d.starts_at AS "startsAt", d.ends_at AS "endsAt", d.created_by AS "createdBy", d.cancelled_at AS "cancelledAt"
    FROM delegation d JOIN staff_user s ON s.id = d.staff_id JOIN staff_user g ON g.id = d.delegate_id`;

/** A worker on leave names a delegate for a period: tasks given to them meanwhile go to the delegate. */
export class DelegationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Who takes this person's new task at this moment: the delegate they named for the period, if
   * active and holding the task's role, or themselves. One link only: the delegate's own leave does
   * not pass the work on to someone the worker did not choose.
   */
  static async holderAt(manager: EntityManager, staffId: string, at: Date, role?: string): Promise<{ holderId: string; delegatedFrom: string | null }> {
    const [row]: { delegate_id: string }[] = await manager.query(
      `SELECT d.delegate_id FROM delegation d JOIN staff_user g ON g.id = d.delegate_id AND g.active
        WHERE d.staff_id = $1 AND d.cancelled_at IS NULL AND d.starts_at <= $2 AND d.ends_at > $2 AND ($3::text IS NULL OR $3 = ANY(g.roles))
        ORDER BY d.created_at DESC LIMIT 1`,
      [staffId, at, role ?? null],
    );
    return row ? { holderId: row.delegate_id, delegatedFrom: staffId } : { holderId: staffId, delegatedFrom: null };
  }

  /** Who takes this person's new work right now: their delegate while they are on leave, or themselves. */
  async holderNow(staffId: string): Promise<string> {
    return (await DelegationsRepository.holderAt(this.dataSource.manager, staffId, new Date())).holderId;
  }

  async create(delegation: { staffId: string; delegateId: string; startsAt: Date; endsAt: Date }, actorId: string): Promise<DelegationRecord> {
    return this.dataSource.transaction(async (manager) => {
      // One delegation at a time per worker: concurrent requests queue on the worker's row.
      await manager.query(`SELECT id FROM staff_user WHERE id = $1 FOR UPDATE`, [delegation.staffId]);
      const [overlap]: unknown[] = await manager.query(
        `SELECT 1 FROM delegation WHERE staff_id = $1 AND cancelled_at IS NULL AND starts_at < $3 AND ends_at > $2`,
        [delegation.staffId, delegation.startsAt, delegation.endsAt],
      );
      if (overlap) throw new DomainError('conflict', 'a delegation already covers part of this period: cancel it first');
      const [{ id }]: { id: string }[] = await manager.query(
        `INSERT INTO delegation (staff_id, delegate_id, starts_at, ends_at, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [delegation.staffId, delegation.delegateId, delegation.startsAt, delegation.endsAt, actorId],
      );
      await writeAudit(manager, { actorId, action: 'delegation.created', entityType: 'staff', entityId: delegation.staffId, caseRef: null, before: null, after: { id, ...delegation } });
      const [record]: DelegationRecord[] = await manager.query(`${SELECT_DELEGATION} WHERE d.id = $1`, [id]);
      return record;
    });
  }

  async find(id: string): Promise<DelegationRecord | null> {
    const [record]: DelegationRecord[] = await this.dataSource.query(`${SELECT_DELEGATION} WHERE d.id = $1`, [id]);
    return record ?? null;
  }

  /** A person's delegations that have not ended, soonest first. */
  async current(staffId: string, now: Date): Promise<DelegationRecord[]> {
    return this.dataSource.query(`${SELECT_DELEGATION} WHERE d.staff_id = $1 AND d.cancelled_at IS NULL AND d.ends_at > $2 ORDER BY d.starts_at`, [staffId, now]);
  }

  async cancel(id: string, actorId: string, at: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [row]: { staff_id: string }[] = await manager.query(`UPDATE delegation SET cancelled_at = $2 WHERE id = $1 AND cancelled_at IS NULL RETURNING staff_id`, [id, at]).then((r: [unknown[], number]) => r[0] as { staff_id: string }[]);
      if (row) await writeAudit(manager, { actorId, action: 'delegation.cancelled', entityType: 'staff', entityId: row.staff_id, caseRef: null, before: { id }, after: { id, cancelledAt: at } });
    });
  }
}
