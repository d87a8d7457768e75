import pg from 'pg';

const INT8_OID = 20;

export interface PgPoolOptions {
  connectionString: string;
  /** Errors of idle connections (a restarted server, a dropped socket); the pool replaces them. */
  onError: (error: Error) => void;
  /** Connections at most. @default 10 (pg's default) */
  max?: number;
  /** Shown in `pg_stat_activity`. @default 'sightline' */
  applicationName?: string;
}

/**
 * A pool whose BIGINTs (and so `count(*)`) come back as JS numbers. The parser is set
 * on this pool, not with `pg.types.setTypeParser`, which would change every pool in
 * the process.
 */
export function createPgPool(options: PgPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    application_name: options.applicationName ?? 'sightline',
    max: options.max ?? 10,
    types: { getTypeParser: getSightlineTypeParser },
  });
  // without a listener an idle connection's error would crash the process
  pool.on('error', options.onError);
  return pool;
}

function getSightlineTypeParser(oid: number, format?: 'text' | 'binary'): unknown {
  if (oid === INT8_OID && format !== 'binary') return parseInt8;
  return pg.types.getTypeParser(oid, format);
}

/** Times in µs stay far below 2^53; a larger value (a user's sum) stays text rather than lose digits. */
function parseInt8(value: string): number | string {
  const parsed = Number(value);
  return Number.isSafeInteger(parsed) ? parsed : value;
}

/** Runs `work` with a pooled connection; a connection left inside a transaction is closed, not reused. */
export async function withPoolClient<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await work(client);
  } finally {
    client.release(client.getTransactionStatus() !== 'I');
  }
}
