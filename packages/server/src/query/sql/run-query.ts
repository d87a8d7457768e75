import type { QueryResult, ReadOnlyQueryOptions, Store } from '../../storage/store.js';
import { checkQueryLimits } from './query-limits.js';
import { validateReadOnlySql } from './validate-read-only-sql.js';

export interface SqlQueryOptions {
  /**
   * How long the query may run before it is stopped with `query_timeout`.
   * @default 5000
   */
  timeoutMs?: number | undefined;
  /**
   * Rows returned at most; past that the result says `truncated: true`.
   * @default 10000
   */
  maxRows?: number | undefined;
}

export interface SqlQueryResult extends QueryResult {
  /** Wall time of the run in the store, in milliseconds (validation excluded). */
  elapsedMs: number;
}

/** The same defaults as the server's `queryTimeoutMs` / `queryMaxRows` settings. */
export const DEFAULT_SQL_QUERY_LIMITS: ReadOnlyQueryOptions = { timeoutMs: 5000, maxRows: 10_000 };

/**
 * What `POST /api/query` calls: validates `sql` for the store's engine, then runs it over
 * the org's views. Throws `invalid_query` (refused or failing SQL, with the reason) or
 * `query_timeout`.
 *
 * @example
 * const result = await runReadOnlySql(store, orgId,
 *   "SELECT * FROM traces WHERE attributes->>'session.id' = 'abc-123-xyz' ORDER BY start_time");
 */
export async function runReadOnlySql(
  store: Store,
  orgId: number,
  sql: string,
  options: SqlQueryOptions = {},
): Promise<SqlQueryResult> {
  const limits = resolveSqlQueryOptions(options);
  const { sql: statement } = validateReadOnlySql(sql, store.engine);
  const started = performance.now();
  const result = await store.runReadOnlyQuery(orgId, statement, limits);
  return { ...result, elapsedMs: Math.round((performance.now() - started) * 10) / 10 };
}

/** Fills in the defaults; a limit that is not a positive integer is a caller's bug (`internal`). */
export function resolveSqlQueryOptions(options: SqlQueryOptions): ReadOnlyQueryOptions {
  return checkQueryLimits({
    timeoutMs: options.timeoutMs ?? DEFAULT_SQL_QUERY_LIMITS.timeoutMs,
    maxRows: options.maxRows ?? DEFAULT_SQL_QUERY_LIMITS.maxRows,
  });
}
