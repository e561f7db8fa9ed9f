import { DataSource } from 'typeorm';
import { CalendarChangeRecord } from './calendar-holidays.repository';

const columns = `id, seq::int, jurisdiction, rule_pack_ids AS "rulePackIds", affects_from AS "affectsFrom", cause, requested_at AS "requestedAt",
                 started_at AS "startedAt", cases_signalled AS "casesSignalled", finished_at AS "finishedAt"`;

/** An open task's deadline as a calendar change would recompute it. */
export interface DeadlineToRecompute {
  id: string;
  type: string;
  formKey: string;
  ruleId: string;
  rulePackId: string;
  rulePackVersion: number;
  anchorAt: Date;
  dueAt: Date;
  caseNumber: string | null;
}

/** How far each calendar change has got in moving open deadlines. */
export class CalendarChangesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<CalendarChangeRecord | null> {
    const [row]: CalendarChangeRecord[] = await this.dataSource.query(`SELECT ${columns} FROM calendar_change WHERE id = $1`, [id]);
    return row ?? null;
  }

  async markStarted(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE calendar_change SET started_at = coalesce(started_at, now()) WHERE id = $1`, [id]);
  }

  /** Changes whose background work was not seen to start (the API stopped between commit and start). */
  async notStarted(before: Date, limit: number): Promise<CalendarChangeRecord[]> {
    return this.dataSource.query(`SELECT ${columns} FROM calendar_change WHERE started_at IS NULL AND requested_at < $1 ORDER BY requested_at LIMIT $2`, [before, limit]);
  }

  /**
   * The cases (workflow ids) with open tasks these packs may move from an instant on (due on or
   * after it, or counted back from an anchor on or after it), in id order after `after`.
   */
  async casesAffected(rulePackIds: readonly string[], from: Date, after: string | null, limit: number): Promise<string[]> {
    const rows: { workflowId: string }[] = await this.dataSource.query(
      `SELECT DISTINCT workflow_id AS "workflowId" FROM task
        WHERE status = 'open' AND rule_pack_id = ANY($1) AND (due_at >= $2 OR anchor_at >= $2) AND ($3::text IS NULL OR workflow_id > $3)
        ORDER BY workflow_id LIMIT $4`,
      [rulePackIds, from, after, limit],
    );
    return rows.map((row) => row.workflowId);
  }

  /**
   * The open tasks a change from `from` on may move (as `casesAffected`), with what recomputing
   * their deadline needs and their case's number, in id order after `afterId`: for a preview.
   */
  async openTasksAffected(rulePackIds: readonly string[], from: Date, afterId: string | null, limit: number): Promise<DeadlineToRecompute[]> {
    return this.dataSource.query(
      `SELECT t.id, t.type, t.form_key AS "formKey", t.rule_id AS "ruleId", t.rule_pack_id AS "rulePackId", t.rule_pack_version AS "rulePackVersion",
              t.anchor_at AS "anchorAt", t.due_at AS "dueAt", cf.case_number AS "caseNumber"
         FROM task t
         LEFT JOIN case_file cf ON cf.case_ref = t.case_ref
        WHERE t.status = 'open' AND t.rule_pack_id = ANY($1) AND (t.due_at >= $2 OR t.anchor_at >= $2) AND ($3::uuid IS NULL OR t.id > $3)
        ORDER BY t.id LIMIT $4`,
      [rulePackIds, from, afterId, limit],
    );
  }

  /** How many cases have been told so far (a retried step writes the same figure again). */
  async recordProgress(id: string, casesSignalled: number): Promise<void> {
    await this.dataSource.query(`UPDATE calendar_change SET cases_signalled = greatest(cases_signalled, $2) WHERE id = $1`, [id, casesSignalled]);
  }

  async finish(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE calendar_change SET finished_at = coalesce(finished_at, now()) WHERE id = $1`, [id]);
  }
}
