/** The few query-API shapes the generator and the fixture scripts read. */
export interface SessionSummary {
  sessionId: string;
  userId: string | null;
  startedAtMs: number;
  endedAtMs: number;
  eventCount: number;
  spanCount: number;
  logCount: number;
  userAgent: string | null;
  [field: string]: unknown;
}

export interface StoredSpanView {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: string;
  serviceName: string | null;
  startTimeMs: number;
  endTimeMs: number;
  statusCode: 'UNSET' | 'OK' | 'ERROR';
  statusMessage: string | null;
  sessionId: string | null;
  attributes: Record<string, unknown>;
  resource: Record<string, unknown>;
  scope: { name?: string; version?: string } | null;
  events: { timeMs: number; name: string; attributes: Record<string, unknown> }[];
  links: { traceId: string; spanId: string; attributes: Record<string, unknown> }[];
}

export interface StoredLogView {
  timeMs: number;
  observedTimeMs: number;
  severityNumber: number;
  severity: string;
  body: string | null;
  traceId: string | null;
  spanId: string | null;
  sessionId: string | null;
  attributes: Record<string, unknown>;
  resource: Record<string, unknown>;
}

export interface ReplayEvent {
  type: number;
  timestamp: number;
  data?: unknown;
  [field: string]: unknown;
}

export interface SightlineApi {
  readonly url: string;
  /** The summary, or undefined while the server does not know the session (404). */
  getSession(sessionId: string): Promise<SessionSummary | undefined>;
  /** One page of replay events: batch `fromSeq` on, at most `maxBatches`. */
  getEvents(
    sessionId: string,
    page?: { fromSeq?: number; maxBatches?: number },
  ): Promise<{ events: ReplayEvent[]; nextSeq: number | null }>;
  getTraces(sessionId: string): Promise<{ traceId: string; spans: StoredSpanView[] }[]>;
  /** A trace's spans and session, or undefined while the server has none of its spans. */
  getTrace(
    traceId: string,
  ): Promise<{ traceId: string; sessionId: string | null; spans: StoredSpanView[] } | undefined>;
  getLogs(sessionId: string): Promise<StoredLogView[]>;
}

/** A client of Sightline's query API, authenticated with the org's admin token. */
export function createSightlineApi(url: string, adminToken: string): SightlineApi {
  const get = async <T>(path: string, allowNotFound = false): Promise<T | undefined> => {
    const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${adminToken}` } });
    if (allowNotFound && response.status === 404) {
      await response.body?.cancel();
      return undefined;
    }
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const session = (id: string) => `/api/sessions/${encodeURIComponent(id)}`;
  return {
    url,
    getSession: (sessionId) => get<SessionSummary>(session(sessionId), true),
    async getEvents(sessionId, page = {}) {
      const query = new URLSearchParams({ fromSeq: String(page.fromSeq ?? 0) });
      if (page.maxBatches !== undefined) query.set('maxBatches', String(page.maxBatches));
      const body = await get<{ events: ReplayEvent[]; nextSeq: number | null }>(
        `${session(sessionId)}/events?${query}`,
        true,
      );
      return body ?? { events: [], nextSeq: null };
    },
    async getTraces(sessionId) {
      const body = await get<{ traces: { traceId: string; spans: StoredSpanView[] }[] }>(
        `${session(sessionId)}/traces`,
      );
      return body?.traces ?? [];
    },
    getTrace: (traceId) => get(`/api/traces/${encodeURIComponent(traceId)}`, true),
    async getLogs(sessionId) {
      const logs: StoredLogView[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor === null ? 'limit=5000' : `limit=5000&cursor=${encodeURIComponent(cursor)}`;
        const body = await get<{ logs: StoredLogView[]; nextCursor: string | null }>(
          `${session(sessionId)}/logs?${query}`,
        );
        logs.push(...(body?.logs ?? []));
        cursor = body?.nextCursor ?? null;
      } while (cursor !== null);
      return logs;
    },
  };
}

/**
 * Polls `probe` until it returns a value, at most `timeoutMs`; the error names `what` (read at the deadline).
 * @example const summary = await waitFor(() => api.getSession(id), { what: 'the session' });
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  options: { what: string | (() => string); timeoutMs?: number; intervalMs?: number },
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      const what = typeof options.what === 'function' ? options.what() : options.what;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 200));
  }
}
