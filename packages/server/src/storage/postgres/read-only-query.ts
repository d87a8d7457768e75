import pg from 'pg';
import { SightlineError } from '../../errors.js';
import { checkOrgId } from '../../query/sql/org-id-literal.js';
import { checkQueryLimits } from '../../query/sql/query-limits.js';
import { toJsonSafeValue } from '../../query/sql/to-json-safe-value.js';
import { buildPostgresOrgViews } from '../../query/sql/views/postgres.js';
import { wrapInOrgViews } from '../../query/sql/wrap-in-org-views.js';
import type { QueryResult, ReadOnlyQueryOptions } from '../store.js';
import { withPoolClient } from './pool.js';

const OID = { int8: 20, timestamp: 1114, timestamptz: 1184, date: 1082, interval: 1186, numeric: 1700 } as const;
const QUERY_TIMEOUT = '57014';
const CURSOR = 'sightline_query';
/**
 * SQLSTATE classes that are the query's fault: feature not supported, cardinality, data
 * exception (bad cast, division by zero), transaction state (25006 read-only violation),
 * routine exceptions, syntax or access (unknown column, function, table), program limits.
 * Anything else (connection, resources, server) is the database's.
 */
const QUERY_FAULT_CLASSES = /^(0A|21|22|25|2F|38|39|42|54)/;

/**
 * Runs validated SQL for `POST /api/query` over the org's views: in a READ ONLY
 * transaction (writes fail in the server, whatever the SQL says), with a per-statement
 * time limit the server enforces itself, through a cursor so only `maxRows + 1` rows ever
 * leave it and the query's own ORDER BY is the output order. Always rolled back.
 */
export async function runPostgresReadOnlyQuery(
  pool: pg.Pool,
  orgId: number,
  sql: string,
  options: ReadOnlyQueryOptions,
): Promise<QueryResult> {
  const { timeoutMs, maxRows } = checkQueryLimits(options);
  const statement = wrapInOrgViews(sql, buildPostgresOrgViews());
  const values = [checkOrgId(orgId)];
  try {
    return await withPoolClient(pool, async (client) => {
      try {
        // UTC and ISO: timestamps print as the view promises, and day boundaries match SQLite's
        await client.query(
          `BEGIN READ ONLY; SET LOCAL statement_timeout = ${timeoutMs}; SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO'`,
        );
        // with a bound value pg uses the extended protocol, which runs one statement and no more
        await client.query({ text: `DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${statement}`, values });
        const result = await client.query<unknown[]>({
          text: `FETCH FORWARD ${maxRows + 1} FROM ${CURSOR}`,
          rowMode: 'array',
          types: { getTypeParser: getQueryTypeParser },
        });
        const rows = result.rows.slice(0, maxRows).map((row) => row.map(toJsonSafeValue));
        return { columns: result.fields.map((field) => field.name), rows, truncated: result.rows.length > maxRows };
      } finally {
        // nothing to keep: a read-only query's transaction is always rolled back; if the
        // rollback fails, withPoolClient sees the open transaction and drops the connection
        await client.query('ROLLBACK').catch(() => undefined);
      }
    });
  } catch (error) {
    throw toQueryError(error, timeoutMs);
  }
}

/** Times as ISO text with microseconds (a JS Date would drop them), numbers as numbers while exact. */
function getQueryTypeParser(oid: number, format?: 'text' | 'binary'): unknown {
  if (format === 'binary') return pg.types.getTypeParser(oid, format);
  switch (oid) {
    case OID.timestamptz:
      return (text: string) => toIsoTimestamp(text, true);
    case OID.timestamp:
      return (text: string) => toIsoTimestamp(text, false);
    case OID.date:
    case OID.interval:
      return (text: string) => text;
    case OID.int8:
    case OID.numeric:
      return parseExactNumber;
    default:
      return pg.types.getTypeParser(oid, format);
  }
}

const PG_TIMESTAMP = /^(\d{4,})-(\d\d)-(\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?([+-]\d\d(?::\d\d){0,2})?$/;

/** '2026-01-01 10:00:00.5+00' → '2026-01-01T10:00:00.500000Z', the same text SQLite's views give. */
function toIsoTimestamp(text: string, withZone: boolean): string {
  const match = PG_TIMESTAMP.exec(text);
  if (!match) return text; // infinity, BC dates: as PostgreSQL prints them
  const [, year, month, day, time, fraction = '', offset = '+00'] = match;
  const zone = withZone ? (/^[+-]00(:00)*$/.test(offset) ? 'Z' : offset) : '';
  return `${year}-${month}-${day}T${time}.${fraction.padEnd(6, '0')}${zone}`;
}

/** BIGINT and NUMERIC come as text; a number unless that would change the value's digits. */
function parseExactNumber(text: string): number | string {
  const number = Number(text);
  if (!Number.isFinite(number)) return text;
  if (/^-?\d+$/.test(text)) return Number.isSafeInteger(number) ? number : text;
  return number;
}

function toQueryError(error: unknown, timeoutMs: number): SightlineError {
  if (error instanceof SightlineError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === QUERY_TIMEOUT) {
    return new SightlineError('query_timeout', `the query ran longer than ${timeoutMs} ms and was stopped`, {
      cause: error,
    });
  }
  if (error instanceof pg.DatabaseError && typeof code === 'string' && QUERY_FAULT_CLASSES.test(code)) {
    const hint = error.hint ? ` (${error.hint})` : '';
    return new SightlineError('invalid_query', `${error.message}${hint}`, { cause: error });
  }
  return new SightlineError('unavailable', 'the database could not run the query', {
    cause: error,
    retryAfterMs: 1000,
  });
}
