import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 10, after its review: the caseworker's own reasons for proposing a household, beside the score's. */
export class ProposalReasons1764000000016 implements MigrationInterface {
  name = 'ProposalReasons1764000000016';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE match_proposal ADD COLUMN proposal_reasons text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE match_proposal DROP COLUMN proposal_reasons`);
  }
}
