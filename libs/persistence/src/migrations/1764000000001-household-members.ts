import { MigrationInterface, QueryRunner } from 'typeorm';

/** The adults and children living in a carer household (personal data: PostgreSQL only). */
export class HouseholdMembers1764000000001 implements MigrationInterface {
  name = 'HouseholdMembers1764000000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE household_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id uuid NOT NULL REFERENCES household(id),
        kind text NOT NULL CHECK (kind IN ('adult', 'child')),
        full_name text NOT NULL,
        date_of_birth date,
        relationship text NOT NULL,
        idempotency_key text,
        created_by uuid REFERENCES staff_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (household_id, idempotency_key)
      )`);
    await db.query(`CREATE INDEX household_member_by_household ON household_member (household_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE household_member`);
  }
}
