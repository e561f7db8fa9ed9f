import { MigrationInterface, QueryRunner } from 'typeorm';

/** Need to know reads the cases someone completed a task on: an index on who completed each task. */
export class TaskByCompleter1764000000012 implements MigrationInterface {
  name = 'TaskByCompleter1764000000012';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX task_by_completer ON task (completed_by, case_ref) WHERE completed_by IS NOT NULL`);
    await db.query(`CREATE INDEX task_by_assignee_case ON task (assignee_id, case_ref) WHERE assignee_id IS NOT NULL`);
    await db.query(`CREATE INDEX panel_member_by_staff ON panel_member (staff_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const index of ['task_by_completer', 'task_by_assignee_case', 'panel_member_by_staff']) await db.query(`DROP INDEX ${index}`);
  }
}
