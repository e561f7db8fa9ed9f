import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A change to the calendar moving open deadlines in the background: what caused it, its place in
 * the order of changes, and how far it has got.
 */
export class CalendarChanges1764000000009 implements MigrationInterface {
  name = 'CalendarChanges1764000000009';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE calendar_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial UNIQUE,
        jurisdiction text NOT NULL,
        rule_pack_ids text[] NOT NULL,
        affects_from timestamptz NOT NULL,
        cause jsonb NOT NULL,
        requested_by uuid REFERENCES staff_user(id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        cases_signalled int NOT NULL DEFAULT 0,
        finished_at timestamptz
      )`);
    await db.query(`CREATE INDEX calendar_change_not_started ON calendar_change (requested_at) WHERE started_at IS NULL`);
    // The newest change a task's deadlines were computed under: an older change's late write never overwrites a newer one.
    await db.query(`ALTER TABLE task ADD COLUMN calendar_seq bigint NOT NULL DEFAULT 0`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE task DROP COLUMN calendar_seq`);
    await db.query(`DROP TABLE calendar_change`);
  }
}
