import { MigrationInterface, QueryRunner } from 'typeorm';

/** Approved carer households with their terms: what matching searches. */
export class CarerRegister1764000000003 implements MigrationInterface {
  name = 'CarerRegister1764000000003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE carer_register (
        household_id uuid PRIMARY KEY REFERENCES household(id),
        approved_at timestamptz NOT NULL,
        max_children integer NOT NULL CHECK (max_children > 0),
        age_min integer NOT NULL,
        age_max integer NOT NULL,
        sexes text[] NOT NULL,
        placement_types text[] NOT NULL,
        languages text[] NOT NULL,
        places_taken integer NOT NULL DEFAULT 0,
        CHECK (age_min <= age_max)
      )`);
    await db.query(`CREATE INDEX carer_register_placement_types ON carer_register USING gin (placement_types)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE carer_register`);
  }
}
