import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the inbox benchmark asked for: who completed or holds a task on which case (need to
 * know), open tasks by type, and the queues offered to an agency-wide role (no team) in due order.
 */
export class InboxIndexes1764000000012 implements MigrationInterface {
  name = 'InboxIndexes1764000000012';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX task_by_completer ON task (completed_by, case_ref) WHERE completed_by IS NOT NULL`);
    await db.query(`CREATE INDEX task_by_assignee_case ON task (assignee_id, case_ref) WHERE assignee_id IS NOT NULL`);
    await db.query(`CREATE INDEX panel_member_by_staff ON panel_member (staff_id)`);
    await db.query(`CREATE INDEX task_open_by_type ON task (type, due_at, id) WHERE status = 'open'`);
    await db.query(`CREATE INDEX task_open_offered_to_role ON task (candidate_role, due_at, id) WHERE status = 'open' AND assignee_id IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const index of ['task_by_completer', 'task_by_assignee_case', 'panel_member_by_staff', 'task_open_by_type', 'task_open_offered_to_role']) await db.query(`DROP INDEX ${index}`);
  }
}
