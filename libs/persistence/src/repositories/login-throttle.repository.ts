import { LoginThrottleRule } from '@hearth/domain';
import { DataSource } from 'typeorm';

/** Failed logins per username and per address, kept in PostgreSQL so every API instance agrees. */
export class LoginThrottleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The latest lock among these keys that has not yet ended, or null. */
  async lockedUntil(keys: readonly string[], now: Date): Promise<Date | null> {
    const [row]: { until: Date | null }[] = await this.dataSource.query(`SELECT max(locked_until) AS until FROM login_throttle WHERE key = ANY($1) AND locked_until > $2`, [keys, now]);
    return row?.until ?? null;
  }

  /** Counts a failure against a key in its window; the failure that reaches the limit locks it. */
  async recordFailure(key: string, rule: LoginThrottleRule, now: Date): Promise<Date | null> {
    const [row]: { locked_until: Date | null }[] = await this.dataSource.query(
      `INSERT INTO login_throttle AS l (key, failures, window_started_at) VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN l.window_started_at > $2::timestamptz - make_interval(secs => $3) THEN l.failures + 1 ELSE 1 END,
         window_started_at = CASE WHEN l.window_started_at > $2::timestamptz - make_interval(secs => $3) THEN l.window_started_at ELSE $2 END
       RETURNING key, failures, locked_until`,
      [key, now, rule.windowSeconds],
    );
    const [locked]: { locked_until: Date }[] = await this.dataSource.query(
      `UPDATE login_throttle SET locked_until = $2::timestamptz + make_interval(secs => $4), failures = 0, window_started_at = $2
        WHERE key = $1 AND failures >= $3 RETURNING locked_until`,
      [key, now, rule.failures, rule.lockSeconds],
    ).then((result: [{ locked_until: Date }[], number]) => result[0]);
    return locked?.locked_until ?? row?.locked_until ?? null;
  }

  async clear(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_throttle WHERE key = $1`, [key]);
  }
}
