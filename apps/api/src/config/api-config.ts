import { join } from 'node:path';
import { LOGIN_THROTTLE } from '@hearth/domain';
import { assertDeployablePack } from '@hearth/domain';
import { TemporalConfig, temporalConfigFromEnv } from '@hearth/temporal';

/** Everything the API reads from its environment, read once at start. */
export interface ApiConfig {
  port: number;
  databaseUrl: string;
  temporal: TemporalConfig;
  jwtSecret: string;
  tokenTtlSeconds: number;
  /** The rule pack new cases run under (`krg` unless HEARTH_RULE_PACK says otherwise). */
  rulePackId: string;
  /** How long a staff action waits for the worker before answering 503. */
  updateTimeoutMs: number;
  /** A worker not seen for this long is dead or frozen, as far as /health is concerned. */
  workerStaleMs: number;
  /** Failed logins that lock a username or an address (default LOGIN_THROTTLE). */
  loginThrottle?: typeof LOGIN_THROTTLE;
  /** Express's `trust proxy`: the proxies in front of the API (e.g. `loopback`, or a hop count). */
  trustProxy?: string;
  /** Where the built web app is (served under /app); nothing is served if it is not there. */
  webAppDir: string;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/** Reads the API's settings; a test rule pack is refused unless HEARTH_ALLOW_TEST_PACKS=1 (tests and benchmarks only). */
export function apiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  assertDeployablePack(env.HEARTH_RULE_PACK ?? 'krg', env.HEARTH_ALLOW_TEST_PACKS === '1');
  return {
    port: Number(env.PORT ?? 3000),
    databaseUrl: required(env, 'DATABASE_URL'),
    temporal: temporalConfigFromEnv(env),
    jwtSecret: required(env, 'HEARTH_JWT_SECRET'),
    tokenTtlSeconds: Number(env.HEARTH_TOKEN_TTL_SECONDS ?? 8 * 3600),
    rulePackId: env.HEARTH_RULE_PACK ?? 'krg',
    updateTimeoutMs: Number(env.HEARTH_UPDATE_TIMEOUT_MS ?? 5000),
    workerStaleMs: Number(env.HEARTH_WORKER_STALE_MS ?? 20_000),
    trustProxy: env.HEARTH_TRUST_PROXY || undefined,
    webAppDir: env.HEARTH_WEB_DIR ?? join(process.cwd(), 'dist', 'web'),
  };
}

export const API_CONFIG = Symbol('API_CONFIG');
