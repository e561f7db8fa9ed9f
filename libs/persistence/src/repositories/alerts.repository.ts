import { TEAM_ROLES } from '@hearth/domain';
import { DataSource } from 'typeorm';
import { ALERT_RANK_SQL } from './alert-rank';
import { sqlParams, Viewer } from './case-access';
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


export interface AlertPageQuery {
  kind?: string;
  severity?: string;
  caseRef?: string;
  after?: { rank: number; raisedAt: Date; id: string };
  limit: number;
}

/** An alert as a work list shows it: what it is about and which case, by number and name. */
export interface AlertRow extends AlertRecord {
  rank: number;
  caseNumber: string | null;
  caseName: string | null;
  rulePackId: string | null;
  subjectKind: string | null;
  subjectId: string | null;
}

/** An alert event: the alert as it now is, and the number of the event that last changed it. */
export interface AlertEventRow extends AlertRow {
  eventSeq: string;
  resolvedAt: Date | null;
}

/**
 * Who sees an alert, and whose rows name the family: those it is addressed to, an agency-wide role
 * of theirs, a team role of theirs on a case of their team; a team manager every alert on their
 * team's cases. Admins also see every step that failed for good (they retry it), by case number
 * only: an admin reads no case file they hold no part in.
 */
function alertsSeenBy(viewer: Viewer, param: (value: unknown) => string): { seen: string; named: string } {
  const named = [`a.recipient_id = ${param(viewer.userId)}`];
  const agencyRoles = viewer.roles.filter((role) => !TEAM_ROLES.includes(role));
  if (agencyRoles.length) named.push(`a.recipient_role = ANY(${param(agencyRoles)})`);
  const teamRoles = viewer.roles.filter((role) => TEAM_ROLES.includes(role));
  if (viewer.teamId && teamRoles.length) {
    // Every placeholder handed out must be used: PostgreSQL cannot type an unused parameter.
    const team = param(viewer.teamId);
    named.push(`(a.recipient_role = ANY(${param(teamRoles)}) AND cf.team_id = ${team})`);
    if (viewer.roles.includes('team-manager')) named.push(`cf.team_id = ${team}`);
  }
  const namedSql = `(${named.join(' OR ')})`;
  return { named: namedSql, seen: viewer.roles.includes('admin') ? `(${namedSql} OR a.kind = 'needs-attention')` : namedSql };
}

/** Alerts with their case's number, its family's name where `named` holds, and the subject of their task. */
function alertRowsSql(rank: string, named: string, extra = ''): string {
  return `SELECT a.id, a.kind, a.severity, ${rank} AS rank, a.task_id AS "taskId", a.case_ref AS "caseRef", a.about, a.recipient_role AS "recipientRole",
                 a.recipient_id AS "recipientId", a.raised_at AS "raisedAt", cf.case_number AS "caseNumber",
                 CASE WHEN ${named} THEN cf.display_name END AS "caseName",
                 cf.rule_pack_id AS "rulePackId", t.subject_kind AS "subjectKind", t.subject_id AS "subjectId"${extra}
            FROM alert a
            LEFT JOIN case_file cf ON cf.case_ref = a.case_ref
            LEFT JOIN task t ON t.id = a.task_id`;
}

/** Alerts managers watch, reminders and escalations; raised by workflow activities. */
export class AlertsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Open alerts this person should see, most severe first, then oldest, keyset paged: those
   * addressed to them, to an agency-wide role of theirs, or to a team role of theirs on a case of
   * their team; a team manager sees every alert on their team's cases. Each row names its case.
   */
  async page(viewer: Viewer, query: AlertPageQuery): Promise<AlertRow[]> {
    const { values, param } = sqlParams();
    const { seen, named } = alertsSeenBy(viewer, param);
    const where = [`a.resolved_at IS NULL`, seen];
    if (query.kind) where.push(`a.kind = ${param(query.kind)}`);
    if (query.severity) where.push(`a.severity = ${param(query.severity)}`);
    if (query.caseRef) where.push(`a.case_ref = ${param(query.caseRef)}`);
    const rank = ALERT_RANK_SQL.replace('severity', 'a.severity');
    if (query.after) where.push(`(${rank}, a.raised_at, a.id) > (${param(query.after.rank)}, ${param(query.after.raisedAt)}, ${param(query.after.id)})`);
    return this.dataSource.query(`${alertRowsSql(rank, named)} WHERE ${where.join(' AND ')} ORDER BY ${rank}, a.raised_at, a.id LIMIT ${param(query.limit)}`, values);
  }

  /**
   * What happened to the alerts this person sees since event `afterSeq` (raised, or resolved), in
   * the order it happened: the live stream's catch-up and its answer to each notification.
   */
  async eventsAfter(viewer: Viewer, afterSeq: number, limit: number): Promise<AlertEventRow[]> {
    const { values, param } = sqlParams();
    const rank = ALERT_RANK_SQL.replace('severity', 'a.severity');
    const { seen, named } = alertsSeenBy(viewer, param);
    return this.dataSource.query(
      `${alertRowsSql(rank, named, `, a.event_seq::int8::text AS "eventSeq", a.resolved_at AS "resolvedAt"`)} WHERE a.event_seq > ${param(afterSeq)} AND ${seen} ORDER BY a.event_seq LIMIT ${param(limit)}`,
      values,
    );
  }

  /** The number of the latest alert event: a new stream starts after it. */
  async latestEventSeq(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT last_value::int8::text AS seq, is_called FROM alert_event_seq`);
    return row.is_called ? Number(row.seq) : 0;
  }

  /** A case-level alert, such as a statutory ceiling passed; raised once per key, and audited. */
  async raiseForCase(alert: Omit<NewAlert, 'taskId'> & { taskId?: string | null }): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const raised = await raiseAlert(manager, { ...alert, taskId: alert.taskId ?? null });
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
