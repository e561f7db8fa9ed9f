import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case kit (issue 7): a task knows what it is about (a household member, a referee) and the
 * workflow run that opened it; a household records whether its decision departed from the panel's
 * recommendation and when its workflow was seen to start (a reconciler starts any that did not);
 * an alert says what within the case it is about (a clock's rule, a failed step).
 */
export class CaseKit1764000000005 implements MigrationInterface {
  name = 'CaseKit1764000000005';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE task ADD COLUMN subject_kind text CHECK (subject_kind IN ('household-member', 'referee'))`);
    await db.query(`ALTER TABLE task ADD COLUMN subject_id text`);
    await db.query(`ALTER TABLE task ADD COLUMN run_id text`);
    await db.query(`ALTER TABLE household ADD COLUMN decision_departs_from_recommendation boolean NOT NULL DEFAULT false`);
    await db.query(`ALTER TABLE alert ADD COLUMN about text`);
    await db.query(`ALTER TABLE household ADD COLUMN workflow_started_at timestamptz`);
    await db.query(`ALTER TABLE household ADD COLUMN rule_pack_version int`);
    await db.query(`UPDATE household SET workflow_started_at = created_at`);
    await db.query(`CREATE INDEX household_without_workflow ON household (created_at) WHERE workflow_started_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE household DROP COLUMN workflow_started_at, DROP COLUMN rule_pack_version`);
    await db.query(`ALTER TABLE alert DROP COLUMN about`);
    await db.query(`ALTER TABLE household DROP COLUMN decision_departs_from_recommendation`);
    await db.query(`ALTER TABLE task DROP COLUMN run_id, DROP COLUMN subject_id, DROP COLUMN subject_kind`);
  }
}
