import { AlertKind, AlertSeverity } from '@hearth/domain';
import { EntityManager } from 'typeorm';
import { AlertEntity } from '../entities/alert.entity';

export interface NewAlert {
  kind: AlertKind;
  severity: AlertSeverity;
  /** What within the case it is about: the rule of a clock, the step that failed (never a person). */
  about?: string | null;
  /** At most one alert per key, however often the workflow's activity runs. */
  dedupeKey: string;
  taskId: string | null;
  caseRef: string;
  recipientRole: string | null;
  recipientId: string | null;
  raisedAt: Date;
}

/** Raises an alert in the caller's transaction; returns false if its key was raised before. */
export async function raiseAlert(manager: EntityManager, alert: NewAlert): Promise<boolean> {
  const inserted = await manager.createQueryBuilder().insert().into(AlertEntity).values(alert).orIgnore().returning('id').execute();
  return inserted.raw.length > 0;
}
