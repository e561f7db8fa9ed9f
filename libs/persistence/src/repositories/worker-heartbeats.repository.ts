import { DataSource } from 'typeorm';

/** Worker processes' "still alive" marks, read by /health. */
export class WorkerHeartbeatsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async beat(identity: string, taskQueue: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO worker_heartbeat (identity, task_queue, seen_at) VALUES ($1, $2, now())
       ON CONFLICT (identity) DO UPDATE SET seen_at = now(), task_queue = EXCLUDED.task_queue`,
      [identity, taskQueue],
    );
  }

  /** The newest mark of any worker on the queue, or null. */
  async lastSeen(taskQueue: string): Promise<Date | null> {
    const [row]: { seen: Date | null }[] = await this.dataSource.query(`SELECT max(seen_at) AS seen FROM worker_heartbeat WHERE task_queue = $1`, [taskQueue]);
    return row?.seen ?? null;
  }

  /** Removes a worker's mark when it stops on purpose. */
  async forget(identity: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM worker_heartbeat WHERE identity = $1`, [identity]);
  }
}
