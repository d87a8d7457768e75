import { serializeSessionFilters } from '../routing/session-filters-url';
import type { SessionFilters } from '../sessions/session-filters';
import type { ApiClient } from './api-client';
import type { LogEntry, SessionListPage, SessionLogsPage, SessionSummary, SessionTraces } from './api-types';

export interface ListSessionsOptions {
  cursor?: string | null;
  /** @default 50 */
  limit?: number;
  signal?: AbortSignal;
}

/**
 * `GET /api/sessions` with the search's filters under their URL names (`user`, `url`,
 * `hasError`, `insight`, `traceId`, `from`, `to`, `minDurationMs`, `maxDurationMs`,
 * `browser`, `sort`), plus `limit` and `cursor`.
 */
export function listSessions(
  client: ApiClient,
  filters: SessionFilters,
  options: ListSessionsOptions = {},
): Promise<SessionListPage> {
  const query: Record<string, string | number> = Object.fromEntries(serializeSessionFilters(filters));
  query.limit = options.limit ?? 50;
  if (options.cursor) query.cursor = options.cursor;
  return client.getJson<SessionListPage>('/api/sessions', { query, signal: options.signal });
}

export function getSession(client: ApiClient, sessionId: string, signal?: AbortSignal): Promise<SessionSummary> {
  return client.getJson<SessionSummary>(`/api/sessions/${encodeURIComponent(sessionId)}`, { signal });
}

export function getSessionTraces(client: ApiClient, sessionId: string, signal?: AbortSignal): Promise<SessionTraces> {
  return client.getJson<SessionTraces>(`/api/sessions/${encodeURIComponent(sessionId)}/traces`, { signal });
}

/** The session's logs in time order, following cursors up to `maxLogs`. */
export async function getSessionLogs(
  client: ApiClient,
  sessionId: string,
  options: { maxLogs?: number; signal?: AbortSignal } = {},
): Promise<{ logs: LogEntry[]; truncated: boolean }> {
  const maxLogs = options.maxLogs ?? 5_000;
  const logs: LogEntry[] = [];
  let cursor: string | null = null;
  do {
    const page: SessionLogsPage = await client.getJson<SessionLogsPage>(
      `/api/sessions/${encodeURIComponent(sessionId)}/logs`,
      { query: { limit: Math.min(1_000, maxLogs - logs.length), cursor }, signal: options.signal },
    );
    logs.push(...page.logs);
    cursor = page.nextCursor;
  } while (cursor !== null && logs.length < maxLogs);
  return { logs, truncated: cursor !== null };
}
