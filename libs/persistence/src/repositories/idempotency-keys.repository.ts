import { DataSource } from 'typeorm';

/** Idempotency-Keys in use: one request (actor and digest of method, path and body) per key. */
export class IdempotencyKeysRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Claims a key for a request; false when the key already belongs to another actor or request. */
  async claim(key: string, actorId: string, requestDigest: string): Promise<boolean> {
    const [row]: { same: boolean }[] = await this.dataSource.query(
      `INSERT INTO idempotency_key (key, actor_id, request_digest) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key
       RETURNING (actor_id = $2 AND request_digest = $3) AS same`,
      [key, actorId, requestDigest],
    );
    return row.same;
  }

  /** Gives a key back after its request was refused (it had no effect), so it can carry a corrected request. */
  async release(key: string, actorId: string, requestDigest: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_key WHERE key = $1 AND actor_id = $2 AND request_digest = $3`, [key, actorId, requestDigest]);
  }
}
