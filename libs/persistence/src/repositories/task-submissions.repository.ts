import { DataSource } from 'typeorm';

/** What staff sent with completions; read by activities that need a decision's form (e.g. terms). */
export class TaskSubmissionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async data(submissionId: string): Promise<Record<string, unknown> | null> {
    const [row]: { data: Record<string, unknown> | null }[] = await this.dataSource.query(`SELECT data FROM task_submission WHERE id = $1`, [submissionId]);
    return row?.data ?? null;
  }
}
