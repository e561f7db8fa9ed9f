import { DataSource } from 'typeorm';

/** What staff sent with completions; read by activities that need a decision's form (e.g. terms). */
export class TaskSubmissionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async data(submissionId: string): Promise<Record<string, unknown> | null> {
    const [row]: { data: Record<string, unknown> | null }[] = await this.dataSource.query(`SELECT data FROM task_submission WHERE id = $1`, [submissionId]);
    return row?.data ?? null;
  }

  /** The forms of several completions at once, by submission id. */
  async dataOf(submissionIds: readonly (string | null)[]): Promise<Map<string, Record<string, unknown>>> {
    const ids = submissionIds.filter((id): id is string => Boolean(id));
    if (ids.length === 0) return new Map();
    const rows: { id: string; data: Record<string, unknown> }[] = await this.dataSource.query(`SELECT id, data FROM task_submission WHERE id = ANY($1)`, [ids]);
    return new Map(rows.map((row) => [row.id, row.data]));
  }
}
