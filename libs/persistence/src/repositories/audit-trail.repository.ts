import { DataSource } from 'typeorm';
import { AuditEventEntity } from '../entities/audit-event.entity';
import { writeAudit } from './audit';

/** One thing that happened on a case, as its timeline shows it. */
export interface TimelineEntry {
  at: Date;
  action: string;
  actorId: string | null;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Audit rows that stand alone: a refused safeguard leaves its trace even though nothing changed. */
export class AuditTrailRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** What happened on a case, oldest first. */
  async timeline(caseRef: string): Promise<TimelineEntry[]> {
    const rows = await this.dataSource.getRepository(AuditEventEntity).find({ where: { caseRef }, order: { occurredAt: 'ASC', id: 'ASC' } });
    return rows.map((row) => ({
      at: row.occurredAt,
      action: row.action,
      actorId: row.actorId,
      entityType: row.entityType,
      entityId: row.entityId,
      before: row.before as Record<string, unknown> | null,
      after: row.after as Record<string, unknown> | null,
    }));
  }

  /** Records an action that changed nothing in PostgreSQL itself (e.g. a step retried in a workflow). */
  async record(entry: { actorId: string; action: string; entityType: string; entityId: string; caseRef: string | null; after: object }): Promise<void> {
    await this.dataSource.transaction((manager) => writeAudit(manager, { ...entry, before: null }));
  }

  /** Whether this action was recorded for this request (its Idempotency-Key) before. */
  async exists(entry: { action: string; caseRef: string; key: string }): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM audit_event WHERE case_ref = $1 AND action = $2 AND after->>'idempotencyKey' = $3`, [entry.caseRef, entry.action, entry.key]);
    return rows.length > 0;
  }

  /** Records that a member of staff was refused, and why (e.g. `task.completion-refused`). */
  async refused(entry: { actorId: string; action: string; entityType: string; entityId: string; caseRef: string | null; reason: string; code: string }): Promise<void> {
    await this.dataSource.transaction((manager) =>
      writeAudit(manager, {
        actorId: entry.actorId,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        caseRef: entry.caseRef,
        before: null,
        after: { refused: true, code: entry.code, reason: entry.reason },
      }),
    );
  }
}
