import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every Idempotency-Key used, with who used it and a digest of the request, so a reuse with another request is refused. */
export class IdempotencyKeys1764000000006 implements MigrationInterface {
  name = 'IdempotencyKeys1764000000006';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE idempotency_key (
        key text PRIMARY KEY,
        actor_id uuid NOT NULL,
        request_digest text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE idempotency_key`);
  }
}
