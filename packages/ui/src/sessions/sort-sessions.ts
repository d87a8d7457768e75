import type { SessionSummary } from '../api/api-types';
import { countErrors } from './session-counts';
import { DEFAULT_SESSION_SORT, type SessionSort } from './session-filters';

const COMPARATORS: Record<SessionSort, (a: SessionSummary, b: SessionSummary) => number> = {
  newest: (a, b) => b.startedAtMs - a.startedAtMs,
  oldest: (a, b) => a.startedAtMs - b.startedAtMs,
  longest: (a, b) => b.durationMs - a.durationMs,
  'most-errors': (a, b) => countErrors(b) - countErrors(a) || b.startedAtMs - a.startedAtMs,
};

/**
 * Orders loaded sessions the way the server orders them for this sort (docs/api.md), so
 * pages appended by "Load more" read as one list. Stable: ties keep the server's order.
 * Returns a new array.
 */
export function sortSessions(
  sessions: readonly SessionSummary[],
  sort: SessionSort = DEFAULT_SESSION_SORT,
): SessionSummary[] {
  const compare = COMPARATORS[sort];
  return sessions
    .map((session, index) => ({ session, index }))
    .sort((a, b) => compare(a.session, b.session) || a.index - b.index)
    .map(({ session }) => session);
}
