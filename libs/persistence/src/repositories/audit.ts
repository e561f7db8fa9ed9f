import { EntityManager } from 'typeorm';
import { AuditEventEntity } from '../entities/audit-event.entity';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  caseRef: string | null;
  before: object | null;
  after: object | null;
  occurredAt?: Date;
}

/** Writes an audit row in the caller's transaction, so a state change and its record land together. */
export async function writeAudit(manager: EntityManager, entry: AuditEntry): Promise<void> {
  await manager.insert(AuditEventEntity, {
    occurredAt: entry.occurredAt ?? new Date(),
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    caseRef: entry.caseRef,
    before: entry.before,
    after: entry.after,
  });
}
