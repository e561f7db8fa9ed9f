import { MigrationInterface, QueryRunner } from 'typeorm';

/** A panel sitting is set up once per Idempotency-Key: a retried create returns the first. */
export class PanelIdempotency1764000000011 implements MigrationInterface {
  name = 'PanelIdempotency1764000000011';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE panel ADD COLUMN idempotency_key text UNIQUE`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE panel DROP COLUMN idempotency_key`);
  }
}
