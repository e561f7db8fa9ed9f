import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each worker process says it is alive every few seconds, so /health can tell a dead or frozen worker. */
export class WorkerHeartbeat1764000000007 implements MigrationInterface {
  name = 'WorkerHeartbeat1764000000007';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE worker_heartbeat (
        identity text PRIMARY KEY,
        task_queue text NOT NULL,
        seen_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX worker_heartbeat_queue ON worker_heartbeat (task_queue, seen_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE worker_heartbeat`);
  }
}
