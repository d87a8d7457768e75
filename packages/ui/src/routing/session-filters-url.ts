import { INSIGHT_TYPES, type InsightType } from '../api/api-types';
import {
  DEFAULT_SESSION_SORT,
  SESSION_SORTS,
  type SessionFilters,
  type SessionSort,
} from '../sessions/session-filters';

const TRACE_ID = /^[0-9a-f]{32}$/;
const TEXT_LIMIT = 256;

/**
 * Reads the session search from a query string. Anything malformed is dropped rather
 * than reported: a hand-edited link still opens, with the filters that make sense.
 * @example parseSessionFilters('?user=ada&hasError=true&sort=longest')
 */
export function parseSessionFilters(search: string | URLSearchParams): SessionFilters {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters: SessionFilters = {};
  const user = readText(params.get('user'));
  if (user !== undefined) filters.user = user;
  const url = readText(params.get('url'));
  if (url !== undefined) filters.url = url;
  const hasError = readBoolean(params.get('hasError'));
  if (hasError !== undefined) filters.hasError = hasError;
  const insight = params.get('insight');
  if (insight !== null && isInsightType(insight)) filters.insight = insight;
  const traceId = params.get('traceId')?.trim().toLowerCase();
  if (traceId !== undefined && TRACE_ID.test(traceId)) filters.traceId = traceId;
  const from = readTime(params.get('from'));
  if (from !== undefined) filters.from = from;
  const to = readTime(params.get('to'));
  if (to !== undefined) filters.to = to;
  const minDurationMs = readNonNegative(params.get('minDurationMs'));
  if (minDurationMs !== undefined) filters.minDurationMs = minDurationMs;
  const maxDurationMs = readNonNegative(params.get('maxDurationMs'));
  if (maxDurationMs !== undefined) filters.maxDurationMs = maxDurationMs;
  const browser = readText(params.get('browser'));
  if (browser !== undefined) filters.browser = browser;
  const sort = params.get('sort');
  if (sort !== null && isSessionSort(sort)) filters.sort = sort;
  return filters;
}

/**
 * The query parameters of a session search, in a fixed order so equal searches make equal
 * links; the default sort is left out. The same names and values go to `GET /api/sessions`.
 */
export function serializeSessionFilters(filters: SessionFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.user !== undefined) params.set('user', filters.user);
  if (filters.url !== undefined) params.set('url', filters.url);
  if (filters.hasError !== undefined) params.set('hasError', String(filters.hasError));
  if (filters.insight !== undefined) params.set('insight', filters.insight);
  if (filters.traceId !== undefined) params.set('traceId', filters.traceId);
  if (filters.from !== undefined) params.set('from', String(filters.from));
  if (filters.to !== undefined) params.set('to', String(filters.to));
  if (filters.minDurationMs !== undefined) params.set('minDurationMs', String(filters.minDurationMs));
  if (filters.maxDurationMs !== undefined) params.set('maxDurationMs', String(filters.maxDurationMs));
  if (filters.browser !== undefined) params.set('browser', filters.browser);
  if (filters.sort !== undefined && filters.sort !== DEFAULT_SESSION_SORT) params.set('sort', filters.sort);
  return params;
}

function isSessionSort(value: string): value is SessionSort {
  return (SESSION_SORTS as readonly string[]).includes(value);
}

function isInsightType(value: string): value is InsightType {
  return (INSIGHT_TYPES as readonly string[]).includes(value);
}

function readText(raw: string | null): string | undefined {
  const text = raw?.trim();
  return text ? text.slice(0, TEXT_LIMIT) : undefined;
}

/** `true`/`1` and `false`/`0`, as the server reads them; anything else is no filter. */
function readBoolean(raw: string | null): boolean | undefined {
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  return undefined;
}

function readNonNegative(raw: string | null): number | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined;
}

/** Unix ms, or an ISO date for hand-written links (`from=2026-03-01`). */
function readTime(raw: string | null): number | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  const value = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Date.parse(raw);
  return Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined;
}
