import { DataSource } from 'typeorm';
import { AlertEntity } from '../entities/alert.entity';
import { NewAlert, raiseAlert } from './alert-writer';
import { writeAudit } from './audit';

export interface AlertRecord {
  id: string;
  kind: string;
  severity: string;
  taskId: string | null;
  caseRef: string;
  about: string | null;
  recipientRole: string | null;
  recipientId: string | null;
  raisedAt: Date;
}

const toRecord = ({ id, kind, severity, taskId, caseRef, about, recipientRole, recipientId, raisedAt }: AlertEntity): AlertRecord => ({
  id,
  kind,
  severity,
  taskId,
  caseRef,
  about,
  recipientRole,
  recipientId,
  raisedAt,
});

/** Alerts managers watch, reminders and escalations; raised by workflow activities. */
export class AlertsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Open alerts, most severe first, then oldest; with `addressedTo`, only those for that person or one of their roles. */
  async open(limit: number, options: { kind?: string; addressedTo?: { userId: string; roles: readonly string[] } } = {}): Promise<AlertRecord[]> {
    const qb = this.dataSource.getRepository(AlertEntity).createQueryBuilder('a').where('a.resolved_at IS NULL');
    if (options.kind) qb.andWhere('a.kind = :kind', { kind: options.kind });
    if (options.addressedTo) {
      qb.andWhere('(a.recipient_id = :me OR a.recipient_role = ANY(:roles))', { me: options.addressedTo.userId, roles: options.addressedTo.roles });
    }
    // Most severe first, so a critical alert never drops out of view behind older reminders.
    const rows = await qb
      .orderBy(`CASE a.severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END`, 'ASC')
      .addOrderBy('a.raised_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(limit)
      .getMany();
    return rows.map(toRecord);
  }

  /** A case-level alert, such as a statutory ceiling passed; raised once per key, and audited. */
  async raiseForCase(alert: Omit<NewAlert, 'taskId'>): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const raised = await raiseAlert(manager, { ...alert, taskId: null });
      if (raised) {
        await writeAudit(manager, {
          actorId: null,
          action: `alert.${alert.kind}`,
          entityType: 'case',
          entityId: alert.caseRef,
          caseRef: alert.caseRef,
          before: null,
          after: { kind: alert.kind, severity: alert.severity, dedupeKey: alert.dedupeKey },
          occurredAt: alert.raisedAt,
        });
      }
      return raised;
    });
  }

  /** Resolves the open alerts whose keys match these LIKE patterns (a clock met, a step that succeeded). */
  async resolveMatching(dedupeKeyPatterns: readonly string[], at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE alert SET resolved_at = $2 WHERE dedupe_key LIKE ANY($1) AND resolved_at IS NULL`, [dedupeKeyPatterns, at]);
  }
}
