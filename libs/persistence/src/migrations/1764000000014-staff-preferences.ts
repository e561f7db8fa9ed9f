import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each member of staff's display choices (language, digits, Hijri dates), kept with them, not in one browser. */
export class StaffPreferences1764000000014 implements MigrationInterface {
  name = 'StaffPreferences1764000000014';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE staff_user ADD COLUMN preferences jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE staff_user DROP COLUMN preferences`);
  }
}
