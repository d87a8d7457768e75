import type { ApiClient } from '../../api/api-client';
import type { SessionSummary } from '../../api/api-types';
import { listSessions } from '../../api/sessions-api';
import { matchesSessionFilters } from '../../sessions/match-session-filters';
import type { SessionFilters } from '../../sessions/session-filters';

export interface SessionSearchPage {
  /** Sessions of this page that match the filters. */
  sessions: SessionSummary[];
  /** Where the next page starts, or null at the end. */
  nextCursor: string | null;
  /** Sessions the server returned for this page, matching or not. */
  scanned: number;
}

export interface SessionSearchOptions {
  cursor?: string | null;
  signal?: AbortSignal;
  /** @default 50 */
  pageSize?: number;
  /**
   * Fetch further server pages while fewer than this many sessions matched, so filters the
   * server does not apply yet still fill a screen.
   * @default 20
   */
  minMatches?: number;
  /** @default 5 */
  maxServerPages?: number;
}

/**
 * One page of the session search. Filters go to the server under their URL names and are
 * checked again here (a server that ignores one still yields a right list); when the
 * browser drops sessions, further server pages are read until enough match.
 */
export async function searchSessions(
  client: ApiClient,
  filters: SessionFilters,
  options: SessionSearchOptions = {},
): Promise<SessionSearchPage> {
  const minMatches = options.minMatches ?? 20;
  const maxServerPages = options.maxServerPages ?? 5;
  const sessions: SessionSummary[] = [];
  let cursor = options.cursor ?? null;
  let scanned = 0;
  for (let page = 0; page < maxServerPages; page += 1) {
    const result = await listSessions(client, filters, {
      cursor,
      limit: options.pageSize ?? 50,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    scanned += result.sessions.length;
    sessions.push(...result.sessions.filter((session) => matchesSessionFilters(session, filters)));
    cursor = result.nextCursor;
    if (cursor === null || sessions.length >= minMatches) break;
  }
  return { sessions, nextCursor: cursor, scanned };
}
