import type { InsightType } from '../../insights/insight.js';
import {
  DEFAULT_SESSION_SORT,
  decodeSessionCursor,
  encodeSessionCursor,
  getPrefixUpperBound,
  type SessionSort,
} from '../../query/session-search.js';
import type { SessionListOptions } from '../store.js';
import type { SessionRow } from './row-mappers.js';

/**
 * What differs between the engines in a session search; everything else is the same SQL.
 * Every value from the request goes in through `bind` as a parameter, never into the text.
 */
export interface SessionSearchDialect {
  /** The placeholder of the `position`-th bound value (1-based): `?` or `$n`. */
  placeholder(position: number): string;
  /** True when `first_url` or any URL in `urls` matches the LIKE pattern (escape `\`), ignoring case. */
  anyUrlLike(bind: (value: unknown) => string, pattern: string): string;
  /** True when `browser` equals the bound name, ignoring case. */
  browserEquals(name: string): string;
  /** The column compared in code point order, the order a prefix range needs. */
  inCodePointOrder(column: string): string;
}

export interface SessionSearchQuery {
  sql: string;
  params: unknown[];
}

interface SortKey {
  direction: 'ASC' | 'DESC';
  /** The key's SQL expressions, most significant first; the last is the unique tiebreak. */
  expressions: readonly string[];
  shape: readonly ('number' | 'string')[];
  read(row: SessionRow): (number | string)[];
}

const DURATION_US = '(ended_us - started_us)';
const ERROR_TOTAL = '(error_count + js_error_count)';

/** Each sort's keyset key; `sessions_by_start`, `sessions_by_duration`, `sessions_by_errors` serve them. */
const SORT_KEYS: Record<SessionSort, SortKey> = {
  newest: {
    direction: 'DESC',
    expressions: ['started_us', 'session_id'],
    shape: ['number', 'string'],
    read: (row) => [row.started_us, row.session_id],
  },
  oldest: {
    direction: 'ASC',
    expressions: ['started_us', 'session_id'],
    shape: ['number', 'string'],
    read: (row) => [row.started_us, row.session_id],
  },
  longest: {
    direction: 'DESC',
    expressions: [DURATION_US, 'session_id'],
    shape: ['number', 'string'],
    read: (row) => [row.ended_us - row.started_us, row.session_id],
  },
  'most-errors': {
    direction: 'DESC',
    expressions: [ERROR_TOTAL, 'started_us', 'session_id'],
    shape: ['number', 'number', 'string'],
    read: (row) => [row.error_count + row.js_error_count, row.started_us, row.session_id],
  },
};

/** Column names come from this fixed map, never from the request. */
const INSIGHT_COUNT_COLUMNS: Record<InsightType, string> = {
  'rage-click': 'rage_click_count',
  'dead-click': 'dead_click_count',
  'double-submit': 'double_submit_count',
  'error-click': 'error_click_count',
  'slow-frame': 'slow_frame_count',
};

/**
 * The SELECT of one page of `GET /api/sessions`: filters, the sort's order, and the keyset
 * condition of the cursor (refused with a 400 when it was made for another sort). Asks for
 * one row more than the limit: its presence says there is a next page.
 */
export function buildSessionSearchQuery(
  dialect: SessionSearchDialect,
  orgId: number,
  options: SessionListOptions,
  columns: string,
): SessionSearchQuery {
  const params: unknown[] = [];
  const bind = (value: unknown): string => {
    params.push(value);
    return dialect.placeholder(params.length);
  };
  const sort = options.sort ?? DEFAULT_SESSION_SORT;
  const key = SORT_KEYS[sort];
  const filters = options.filters ?? {};
  const where = [`org_id = ${bind(orgId)}`];

  if (filters.userPrefix !== undefined) {
    const userId = dialect.inCodePointOrder('user_id');
    where.push(`${userId} >= ${bind(filters.userPrefix)}`);
    const upper = getPrefixUpperBound(filters.userPrefix);
    if (upper !== undefined) where.push(`${userId} < ${bind(upper)}`);
  }
  if (filters.urlContains !== undefined) {
    where.push(dialect.anyUrlLike(bind, `%${escapeLike(filters.urlContains)}%`));
  }
  if (filters.hasError !== undefined) where.push(`${ERROR_TOTAL} ${filters.hasError ? '> 0' : '= 0'}`);
  if (filters.insight !== undefined) where.push(`${INSIGHT_COUNT_COLUMNS[filters.insight]} > 0`);
  if (filters.traceId !== undefined) {
    // IN skips the spans without a session by itself; saying so would steer SQLite off `spans_by_trace`
    // or the session whose recorded request carried that traceparent
    where.push(
      `(session_id IN (SELECT session_id FROM spans WHERE org_id = ${bind(orgId)} AND trace_id = ${bind(filters.traceId)})` +
        ` OR session_id IN (SELECT session_id FROM session_traces WHERE org_id = ${bind(orgId)} AND trace_id = ${bind(filters.traceId)}))`,
    );
  }
  // overlap: ended at or after `from`, started at or before `to`
  if (filters.fromMs !== undefined) where.push(`ended_us >= ${bind(toMicroseconds(filters.fromMs))}`);
  if (filters.toMs !== undefined) where.push(`started_us <= ${bind(toMicroseconds(filters.toMs))}`);
  if (filters.minDurationMs !== undefined) {
    where.push(`${DURATION_US} >= ${bind(toMicroseconds(filters.minDurationMs))}`);
  }
  if (filters.maxDurationMs !== undefined) {
    where.push(`${DURATION_US} <= ${bind(toMicroseconds(filters.maxDurationMs))}`);
  }
  if (filters.browser !== undefined) where.push(dialect.browserEquals(bind(filters.browser)));

  if (options.cursor !== undefined) {
    const after = decodeSessionCursor(options.cursor, sort, key.shape);
    const [leading] = key.expressions;
    // the row comparison is the condition; the bound on the leading expression alone is
    // implied by it, and lets SQLite range over an expression index instead of scanning it
    where.push(`${leading} ${key.direction === 'DESC' ? '<=' : '>='} ${bind(after[0])}`);
    where.push(
      `(${key.expressions.join(', ')}) ${key.direction === 'DESC' ? '<' : '>'} (${after.map(bind).join(', ')})`,
    );
  }
  const orderBy = key.expressions.map((expression) => `${expression} ${key.direction}`).join(', ');
  return {
    sql: `SELECT ${columns} FROM sessions WHERE ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT ${bind(options.limit + 1)}`,
    params,
  };
}

/** The cursor of the page after `last`, or null when there is no next page. */
export function getNextSessionCursor(options: SessionListOptions, last: SessionRow | undefined): string | null {
  if (last === undefined) return null;
  const sort = options.sort ?? DEFAULT_SESSION_SORT;
  return encodeSessionCursor(sort, SORT_KEYS[sort].read(last));
}

/** LIKE matches `%` and `_` as wildcards: the user's are escaped, so a URL is matched as typed. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function toMicroseconds(ms: number): number {
  return Math.round(ms * 1000);
}
