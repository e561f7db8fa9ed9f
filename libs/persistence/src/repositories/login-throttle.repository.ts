import { LoginThrottleRule } from '@hearth/domain';
import { DataSource } from 'typeorm';

/**
 * Login attempts per username and per address, kept in PostgreSQL so every API instance agrees.
 * An attempt is counted before its password is checked, so parallel guesses cannot get past the
 * limit; a successful login gives its attempt back.
 */
export class LoginThrottleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts an attempt against a key in its window; returns how many this window holds and any lock. */
  async attempt(key: string, rule: LoginThrottleRule, now: Date): Promise<{ count: number; lockedUntil: Date | null }> {
    const [row]: { failures: number; locked_until: Date | null }[] = await this.dataSource.query(
      `INSERT INTO login_throttle AS l (key, failures, window_started_at) VALUES ($1, 1, $2::timestamptz)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN l.locked_until > $2::timestamptz THEN l.failures
                         WHEN l.window_started_at > $2::timestamptz - make_interval(secs => $3) THEN l.failures + 1 ELSE 1 END,
         window_started_at = CASE WHEN l.locked_until > $2::timestamptz OR l.window_started_at > $2::timestamptz - make_interval(secs => $3)
                                  THEN l.window_started_at ELSE $2::timestamptz END,
         locked_until = CASE WHEN l.locked_until > $2::timestamptz THEN l.locked_until END
       RETURNING failures, locked_until`,
      [key, now, rule.windowSeconds],
    );
    return { count: row.failures, lockedUntil: row.locked_until };
  }

  /** Locks a key for the rule's lock period from now. */
  async lock(key: string, rule: LoginThrottleRule, now: Date): Promise<Date> {
    const until = new Date(now.getTime() + rule.lockSeconds * 1000);
    await this.dataSource.query(`UPDATE login_throttle SET locked_until = $2 WHERE key = $1`, [key, until]);
    return until;
  }

  /** A login that succeeded: the username starts afresh, and the address gets this attempt back. */
  async succeeded(userKey: string, addressKey: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_throttle WHERE key = $1`, [userKey]);
    await this.dataSource.query(`UPDATE login_throttle SET failures = greatest(failures - 1, 0) WHERE key = $1`, [addressKey]);
  }

  /** An admin's reset of the password ends the username's lock too. */
  async clear(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_throttle WHERE key = $1`, [key]);
  }
}
