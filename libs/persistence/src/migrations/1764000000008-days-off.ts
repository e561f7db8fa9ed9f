import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The calendar holds the days actually off: substitute days are rows of their own, seeded days
 * are marked as such, and a removed day stays as a tombstone so seeding never brings it back.
 */
export class DaysOff1764000000008 implements MigrationInterface {
  name = 'DaysOff1764000000008';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE calendar_holiday DROP CONSTRAINT calendar_holiday_kind_check`);
    await db.query(`ALTER TABLE calendar_holiday ADD CONSTRAINT calendar_holiday_kind_check CHECK (kind IN ('public-holiday', 'religious-holiday', 'closure', 'substitute-day'))`);
    await db.query(`ALTER TABLE calendar_holiday ADD COLUMN source text NOT NULL DEFAULT 'declared' CHECK (source IN ('declared', 'seeded'))`);
    await db.query(`ALTER TABLE calendar_holiday ADD COLUMN removed_at timestamptz`);
    await db.query(`ALTER TABLE calendar_holiday ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM calendar_holiday WHERE kind = 'substitute-day' OR removed_at IS NOT NULL`);
    await db.query(`ALTER TABLE calendar_holiday DROP COLUMN updated_at, DROP COLUMN removed_at, DROP COLUMN source`);
    await db.query(`ALTER TABLE calendar_holiday DROP CONSTRAINT calendar_holiday_kind_check`);
    await db.query(`ALTER TABLE calendar_holiday ADD CONSTRAINT calendar_holiday_kind_check CHECK (kind IN ('public-holiday', 'religious-holiday', 'closure'))`);
  }
}
