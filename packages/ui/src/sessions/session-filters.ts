import type { InsightType } from '../api/api-types';

/** The orders `GET /api/sessions` sorts by (docs/api.md); the server pages each with its own cursor. */
export const SESSION_SORTS = ['newest', 'oldest', 'longest', 'most-errors'] as const;

export type SessionSort = (typeof SESSION_SORTS)[number];

/** Latest start first: what the server returns without `sort`. */
export const DEFAULT_SESSION_SORT: SessionSort = 'newest';

/**
 * The session search, as it lives in the URL (`/sessions?user=…&hasError=true`) and goes
 * to `GET /api/sessions` under the same names and values.
 */
export interface SessionFilters {
  /** User ids starting with this (the server is case-sensitive). */
  user?: string;
  /** A substring of any page URL of the session. */
  url?: string;
  /** true: backend or JavaScript errors; false: neither. */
  hasError?: boolean;
  insight?: InsightType;
  /** Sessions with a span of this trace: 32 lowercase hex characters. */
  traceId?: string;
  /** Sessions still running at or after this time (Unix ms): they ended at or after it. */
  from?: number;
  /** Sessions started at or before this time (Unix ms). */
  to?: number;
  minDurationMs?: number;
  maxDurationMs?: number;
  /** Browser name, case-insensitive (`Chrome`, `Firefox`, `Mobile Safari`…). */
  browser?: string;
  /** @default DEFAULT_SESSION_SORT */
  sort?: SessionSort;
}

/** True when some filter narrows the search (sorting is not a filter). */
export function hasActiveFilters(filters: SessionFilters): boolean {
  const { sort: _sort, ...rest } = filters;
  return Object.values(rest).some((value) => value !== undefined);
}
