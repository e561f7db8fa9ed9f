import { MigrationInterface, QueryRunner } from 'typeorm';

/** Fostering panels: a sitting, its members and chair, and the cases on its agenda. */
export class Panels1764000000002 implements MigrationInterface {
  name = 'Panels1764000000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE panel (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sitting_at timestamptz NOT NULL,
        chair_id uuid NOT NULL REFERENCES staff_user(id),
        created_by uuid NOT NULL REFERENCES staff_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE panel_member (
        panel_id uuid NOT NULL REFERENCES panel(id),
        staff_id uuid NOT NULL REFERENCES staff_user(id),
        PRIMARY KEY (panel_id, staff_id)
      )`);
    await db.query(`
      CREATE TABLE panel_case (
        panel_id uuid NOT NULL REFERENCES panel(id),
        household_id uuid NOT NULL REFERENCES household(id),
        added_at timestamptz NOT NULL DEFAULT now(),
        papers_due_at timestamptz,
        papers_sent_at timestamptz,
        recommendation text,
        PRIMARY KEY (panel_id, household_id)
      )`);
    await db.query(`CREATE INDEX panel_case_by_household ON panel_case (household_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['panel_case', 'panel_member', 'panel']) await db.query(`DROP TABLE ${table}`);
  }
}
