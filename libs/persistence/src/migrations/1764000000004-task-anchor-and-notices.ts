import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tasks keep the instant their clock started (so a calendar change can recompute the due date);
 * alerts gain a recipient and a dedupe key, so one task can carry reminders and escalations as
 * well as its one overdue alert, and a case can carry a statutory-ceiling alert.
 */
export class TaskAnchorAndNotices1764000000004 implements MigrationInterface {
  name = 'TaskAnchorAndNotices1764000000004';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE task ADD COLUMN anchor_at timestamptz`);
    await db.query(`UPDATE task SET anchor_at = created_at`);
    await db.query(`ALTER TABLE task ALTER COLUMN anchor_at SET NOT NULL`);
    await db.query(`ALTER TABLE alert ADD COLUMN dedupe_key text`);
    await db.query(`UPDATE alert SET dedupe_key = kind || ':' || coalesce(task_id::text, case_ref)`);
    await db.query(`ALTER TABLE alert ALTER COLUMN dedupe_key SET NOT NULL`);
    await db.query(`ALTER TABLE alert ADD CONSTRAINT alert_dedupe_key_key UNIQUE (dedupe_key)`);
    await db.query(`ALTER TABLE alert DROP CONSTRAINT alert_kind_task_id_key`);
    await db.query(`ALTER TABLE alert ADD COLUMN recipient_role text`);
    await db.query(`ALTER TABLE alert ADD COLUMN recipient_id uuid REFERENCES staff_user(id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE alert DROP COLUMN recipient_id, DROP COLUMN recipient_role`);
    await db.query(`ALTER TABLE alert DROP CONSTRAINT alert_dedupe_key_key, DROP COLUMN dedupe_key`);
    await db.query(`ALTER TABLE alert ADD CONSTRAINT alert_kind_task_id_key UNIQUE (kind, task_id)`);
    await db.query(`ALTER TABLE task DROP COLUMN anchor_at`);
  }
}
