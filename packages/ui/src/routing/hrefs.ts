import type { SessionFilters } from '../sessions/session-filters';
import { serializeSessionFilters } from './session-filters-url';

/** `/sessions?…`: the search as a link to share. */
export function sessionsHref(filters: SessionFilters = {}): string {
  const search = serializeSessionFilters(filters).toString();
  return search === '' ? '/sessions' : `/sessions?${search}`;
}

/** `/sessions/:id?t=<ms>`: a replay, at a moment when `timeMs` is given (ms from the session start). */
export function sessionHref(sessionId: string, timeMs?: number): string {
  const base = `/sessions/${encodeURIComponent(sessionId)}`;
  return timeMs === undefined ? base : `${base}?t=${Math.max(0, Math.round(timeMs))}`;
}

export function traceHref(traceId: string): string {
  return `/traces/${encodeURIComponent(traceId.toLowerCase())}`;
}

/** The replay moment of `?t=`: whole milliseconds from the session start, or undefined. */
export function readReplayTime(search: string | URLSearchParams): number | undefined {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const raw = params.get('t');
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined;
}
