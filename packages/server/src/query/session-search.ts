import { SightlineError } from '../errors.js';
import { INSIGHT_TYPES, type InsightType, isInsightType } from '../insights/insight.js';

/**
 * The session search of `GET /api/sessions`: one filter model for both engines, read from
 * the query string here and turned into SQL by `storage/internal/session-search-sql.ts`.
 */
export const SESSION_SORTS = ['newest', 'oldest', 'longest', 'most-errors'] as const;

export type SessionSort = (typeof SESSION_SORTS)[number];

export const DEFAULT_SESSION_SORT: SessionSort = 'newest';

export interface SessionFilters {
  /** User ids starting with this (an exact id matches too); case-sensitive. */
  userPrefix?: string;
  /** A substring of any URL the session visited, case-insensitive. */
  urlContains?: string;
  /** true: backend errors or JS errors; false: neither. */
  hasError?: boolean;
  /** Sessions with at least one finding of this type. */
  insight?: InsightType;
  /** Sessions with a span of this trace (32 lowercase hex). */
  traceId?: string;
  /** The session overlaps [fromMs, toMs]: it ended at or after `fromMs` … */
  fromMs?: number;
  /** … and started at or before `toMs`. */
  toMs?: number;
  minDurationMs?: number;
  maxDurationMs?: number;
  /** Browser name, case-insensitive (`Chrome`, `Firefox`, `Mobile Safari`…). */
  browser?: string;
}

export interface SessionSearch {
  filters: SessionFilters;
  sort: SessionSort;
  limit: number;
  cursor: string | undefined;
}

export const DEFAULT_SESSION_LIMIT = 50;
export const MAX_SESSION_LIMIT = 500;
const MAX_USER_LENGTH = 256;
const MAX_URL_LENGTH = 2048;
const MAX_BROWSER_LENGTH = 64;
/** The largest time a JS Date holds (year 275760): in µs it still fits a signed 64-bit integer. */
const MAX_MS = 8_640_000_000_000_000;
const TRACE_ID = /^[0-9a-f]{32}$/;
const EPOCH_MS = /^\d{1,16}(\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Reads and validates the query string of `GET /api/sessions`; a bad value is a 400 that
 * names the parameter, what came and what is expected. Empty values count as absent, and
 * unknown parameters are ignored.
 */
export function parseSessionSearch(query: Readonly<Record<string, unknown>>): SessionSearch {
  const read = (name: string): string | undefined => {
    const value = query[name];
    if (Array.isArray(value)) throw badParameter(`give '${name}' once (it came ${value.length} times)`);
    if (value === undefined || value === null) return undefined;
    const text = String(value).trim();
    return text === '' ? undefined : text;
  };

  const filters: SessionFilters = {};
  const user = read('user');
  if (user !== undefined) filters.userPrefix = readBoundedText('user', user, MAX_USER_LENGTH);
  const url = read('url');
  if (url !== undefined) filters.urlContains = readBoundedText('url', url, MAX_URL_LENGTH);
  const hasError = read('hasError');
  if (hasError !== undefined) filters.hasError = readBoolean('hasError', hasError);
  const insight = read('insight');
  if (insight !== undefined) {
    if (!isInsightType(insight)) {
      throw badParameter(`insight must be one of ${INSIGHT_TYPES.join(', ')} (actual: '${clip(insight)}')`);
    }
    filters.insight = insight;
  }
  const traceId = read('traceId')?.toLowerCase();
  if (traceId !== undefined) {
    if (!TRACE_ID.test(traceId)) {
      throw badParameter(`traceId must be 32 hex characters (actual: '${clip(traceId)}')`);
    }
    filters.traceId = traceId;
  }
  const from = read('from');
  if (from !== undefined) filters.fromMs = readTime('from', from);
  const to = read('to');
  if (to !== undefined) filters.toMs = readTime('to', to);
  if (filters.fromMs !== undefined && filters.toMs !== undefined && filters.fromMs > filters.toMs) {
    throw badParameter(`from (${from}) must not be after to (${to})`);
  }
  const minDuration = read('minDurationMs');
  if (minDuration !== undefined) filters.minDurationMs = readDuration('minDurationMs', minDuration);
  const maxDuration = read('maxDurationMs');
  if (maxDuration !== undefined) filters.maxDurationMs = readDuration('maxDurationMs', maxDuration);
  if (
    filters.minDurationMs !== undefined &&
    filters.maxDurationMs !== undefined &&
    filters.minDurationMs > filters.maxDurationMs
  ) {
    throw badParameter(`minDurationMs (${minDuration}) must not be greater than maxDurationMs (${maxDuration})`);
  }
  const browser = read('browser');
  if (browser !== undefined) filters.browser = readBoundedText('browser', browser, MAX_BROWSER_LENGTH);

  const sort = read('sort') ?? DEFAULT_SESSION_SORT;
  if (!isSessionSort(sort)) {
    throw badParameter(`sort must be one of ${SESSION_SORTS.join(', ')} (actual: '${clip(sort)}')`);
  }
  return { filters, sort, limit: readLimit(read('limit')), cursor: read('cursor') };
}

export function isSessionSort(value: unknown): value is SessionSort {
  return typeof value === 'string' && (SESSION_SORTS as readonly string[]).includes(value);
}

/**
 * A keyset cursor: the sort it was made for, then the sort key of the last row of the
 * page (base64url JSON), so the next page starts right after it whatever the sort.
 */
export function encodeSessionCursor(sort: SessionSort, key: readonly (number | string)[]): string {
  return Buffer.from(JSON.stringify([sort, ...key])).toString('base64url');
}

/** The sort key in a cursor; refuses a cursor that is not ours or was made for another sort. */
export function decodeSessionCursor(
  cursor: string,
  sort: SessionSort,
  shape: readonly ('number' | 'string')[],
): (number | string)[] {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    throw invalidCursor(cursor, error);
  }
  if (!Array.isArray(parts) || !isSessionSort(parts[0])) throw invalidCursor(cursor);
  if (parts[0] !== sort) {
    throw new SightlineError(
      'bad_request',
      `cursor is for sort '${parts[0]}', not '${sort}': pass the same sort as the page it came from, or start again without a cursor`,
    );
  }
  const key = parts.slice(1);
  if (key.length !== shape.length || key.some((part, i) => typeof part !== shape[i])) throw invalidCursor(cursor);
  return key as (number | string)[];
}

/**
 * The smallest string greater than every string starting with `prefix`, in code point
 * order (SQLite's BINARY collation, PostgreSQL's "C"), or undefined when there is none.
 * `prefix ≤ id < upper bound` is "id starts with prefix", and an index range.
 */
export function getPrefixUpperBound(prefix: string): string | undefined {
  const codePoints = [...prefix].map((char) => char.codePointAt(0) as number);
  while (codePoints.length > 0) {
    const last = (codePoints.pop() as number) + 1;
    // skip the surrogate range: not characters on their own
    const next = last >= 0xd800 && last <= 0xdfff ? 0xe000 : last;
    if (next <= 0x10ffff) return String.fromCodePoint(...codePoints, next);
  }
  return undefined;
}

function readLimit(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_SESSION_LIMIT;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SESSION_LIMIT) {
    throw badParameter(`limit must be an integer from 1 to ${MAX_SESSION_LIMIT} (actual: '${clip(raw)}')`);
  }
  return limit;
}

function readBoundedText(name: string, value: string, maxLength: number): string {
  if (value.length > maxLength) {
    throw badParameter(`${name} must be at most ${maxLength} characters (actual: ${value.length})`);
  }
  return value;
}

function readBoolean(name: string, value: string): boolean {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw badParameter(`${name} must be true or false (actual: '${clip(value)}')`);
}

/** Unix ms (`1767261600000`) or an ISO 8601 date (`2026-01-01`, `2026-01-01T10:00:00Z`; UTC without a zone). */
function readTime(name: string, value: string): number {
  const ms = EPOCH_MS.test(value) ? Number(value) : ISO_DATE.test(value) ? parseIsoDate(value) : Number.NaN;
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_MS) {
    throw badParameter(
      `${name} must be Unix milliseconds or an ISO 8601 date like 2026-01-01T10:00:00Z (actual: '${clip(value)}')`,
    );
  }
  return ms;
}

/** A date-time without a zone is UTC, like a date alone: never the server's local time. */
function parseIsoDate(value: string): number {
  const iso = value.replace(' ', 'T');
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(iso);
  return Date.parse(iso.includes('T') && !hasZone ? `${iso}Z` : iso);
}

function readDuration(name: string, value: string): number {
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_MS) {
    throw badParameter(`${name} must be a number of milliseconds from 0 to ${MAX_MS} (actual: '${clip(value)}')`);
  }
  return ms;
}

function badParameter(message: string): SightlineError {
  return new SightlineError('bad_request', message);
}

function invalidCursor(cursor: string, cause?: unknown): SightlineError {
  return new SightlineError(
    'bad_request',
    `invalid cursor '${clip(cursor)}': pass back a nextCursor from a previous page`,
    cause === undefined ? {} : { cause },
  );
}

function clip(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}
