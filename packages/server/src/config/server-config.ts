import { SightlineError } from '../errors.js';

/** Settings of `sightline start`; every field is optional and has a documented default. */
export interface ServerOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port. @default 4318 (the OTLP/HTTP port, so OTel SDK defaults just work) */
  port?: number;
  /** SQLite file path or `postgres://` URL. @default './.sightline/sightline.db' */
  db?: string;
  /** Largest request body accepted, measured after decompression. @default 10485760 (10 MB) */
  maxBodyBytes?: number;
  /** Largest replay batch accepted as sent (compressed); decompressed it must fit `maxBodyBytes`. @default 1048576 (1 MB) */
  maxReplayBatchBytes?: number;
  /** pino level: fatal, error, warn, info, debug, trace, silent. @default 'info' */
  logLevel?: string;
  /** Seeds the default org's ingest key on first start. */
  ingestKey?: string;
  /** Seeds the default org's admin token on first start. */
  adminToken?: string;
  /** Time limit of one `POST /api/query`. @default 5000 */
  queryTimeoutMs?: number;
  /** Rows returned by one `POST /api/query` at most. @default 10000 */
  queryMaxRows?: number;
  /** Ingest requests being processed at once before new ones get 429. @default 256 */
  maxConcurrentIngests?: number;
  /** Event-loop delay beyond which requests get 503 until the server catches up. @default 1000 */
  maxEventLoopDelayMs?: number;
  /**
   * How long a session's undecided clicks wait for a next replay batch before its insights
   * are decided with what was recorded (an idle tab, a tab closed before its last batch).
   * @default 60000
   */
  insightSettleMs?: number;
}

export type ResolvedServerConfig = Required<Omit<ServerOptions, 'ingestKey' | 'adminToken'>> & {
  ingestKey: string | undefined;
  adminToken: string | undefined;
  /** True when the server listens on loopback only, which turns on the local conveniences. */
  loopbackOnly: boolean;
};

export const DEFAULT_DB = './.sightline/sightline.db';

/** Reads options, falling back to `SIGHTLINE_*` environment variables, then defaults. */
export function resolveServerConfig(
  options: ServerOptions = {},
  env: Record<string, string | undefined> = process.env,
): ResolvedServerConfig {
  const host = options.host ?? env.SIGHTLINE_HOST ?? '127.0.0.1';
  return {
    host,
    port: options.port ?? readInteger(env, 'SIGHTLINE_PORT', 4318, 0, 65535),
    db: options.db ?? env.SIGHTLINE_DB ?? DEFAULT_DB,
    maxBodyBytes: options.maxBodyBytes ?? readInteger(env, 'SIGHTLINE_MAX_BODY_BYTES', 10 * 1024 * 1024, 1024),
    maxReplayBatchBytes:
      options.maxReplayBatchBytes ?? readInteger(env, 'SIGHTLINE_MAX_REPLAY_BATCH_BYTES', 1024 * 1024, 1024),
    logLevel: options.logLevel ?? env.SIGHTLINE_LOG_LEVEL ?? 'info',
    ingestKey: options.ingestKey ?? nonEmpty(env.SIGHTLINE_INGEST_KEY),
    adminToken: options.adminToken ?? nonEmpty(env.SIGHTLINE_ADMIN_TOKEN),
    queryTimeoutMs: options.queryTimeoutMs ?? readInteger(env, 'SIGHTLINE_QUERY_TIMEOUT_MS', 5000, 1),
    queryMaxRows: options.queryMaxRows ?? readInteger(env, 'SIGHTLINE_QUERY_MAX_ROWS', 10_000, 1),
    maxConcurrentIngests: options.maxConcurrentIngests ?? readInteger(env, 'SIGHTLINE_MAX_CONCURRENT_INGESTS', 256, 1),
    maxEventLoopDelayMs: options.maxEventLoopDelayMs ?? readInteger(env, 'SIGHTLINE_MAX_EVENT_LOOP_DELAY_MS', 1000, 10),
    insightSettleMs: options.insightSettleMs ?? readInteger(env, 'SIGHTLINE_INSIGHT_SETTLE_MS', 60_000, 1000),
    loopbackOnly: isLoopbackHost(host),
  };
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function readInteger(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SightlineError(
      'config_invalid',
      `${name}: expected an integer from ${min} to ${max} (actual: '${raw}'); unset it to use ${fallback}`,
    );
  }
  return value;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
