import type { SessionSummary } from '../api/api-types';
import { countErrors, readInsightCount } from './session-counts';
import type { SessionFilters } from './session-filters';

/**
 * The filters checked again in the browser, with the server's meaning (docs/api.md), on
 * the sessions it returned: a server that does not apply a filter (an older version)
 * still yields a right list, and one that does passes every session here. What a summary
 * cannot tell (a trace id, an insight count it lacks) lets the session through.
 */
export function matchesSessionFilters(session: SessionSummary, filters: SessionFilters): boolean {
  if (filters.user !== undefined && !session.userId?.startsWith(filters.user)) return false;
  if (filters.url !== undefined && !matchesUrl(session, filters.url)) return false;
  if (filters.hasError !== undefined && countErrors(session) > 0 !== filters.hasError) return false;
  // the range selects sessions that overlap it, as the server does
  if (filters.from !== undefined && session.endedAtMs < filters.from) return false;
  if (filters.to !== undefined && session.startedAtMs > filters.to) return false;
  if (filters.minDurationMs !== undefined && session.durationMs < filters.minDurationMs) return false;
  if (filters.maxDurationMs !== undefined && session.durationMs > filters.maxDurationMs) return false;
  if (filters.browser !== undefined && session.browser?.toLowerCase() !== filters.browser.toLowerCase()) return false;
  if (filters.insight !== undefined && readInsightCount(session, filters.insight) === 0) return false;
  return true;
}

function matchesUrl(session: SessionSummary, needle: string): boolean {
  if (includesText(session.firstUrl, needle)) return true;
  return (session.urls ?? []).some((url) => includesText(url, needle));
}

function includesText(value: string | null | undefined, needle: string): boolean {
  if (value === null || value === undefined) return false;
  return value.toLowerCase().includes(needle.toLowerCase());
}
