import { DataSource } from 'typeorm';
import { writeAudit } from './audit';

/** Audit rows that stand alone: a refused safeguard leaves its trace even though nothing changed. */
export class AuditTrailRepository {
  constructor(private readonly dataSource: DataSource) {}

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
