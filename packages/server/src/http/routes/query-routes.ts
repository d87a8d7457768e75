import type { FastifyInstance } from 'fastify';
import { SightlineError } from '../../errors.js';
import { groupSpansByTrace } from '../../query/group-spans-by-trace.js';
import { parseSessionSearch } from '../../query/session-search.js';
import { runReadOnlySql } from '../../query/sql/run-query.js';
import { isValidSessionId } from '../../sessions/session-id.js';
import type { Store } from '../../storage/store.js';
import type { AdminAuthenticator } from '../auth/authenticate-admin.js';

export interface QueryRoutesOptions {
  store: Store;
  authenticate: AdminAuthenticator;
  queryTimeoutMs: number;
  queryMaxRows: number;
}

const TRACE_ID = /^[0-9a-f]{32}$/;
const MAX_TRACES_PER_SESSION = 1000;

/** The private query API under `/api`: every route reads only the token's org. */
export async function registerQueryRoutes(app: FastifyInstance, options: QueryRoutesOptions): Promise<void> {
  const { store } = options;

  app.addHook('onRequest', async (request) => {
    request.orgId = await options.authenticate(request);
  });

  // the search: filters, sort and keyset paging (docs/api.md); bad parameters are a 400
  app.get('/sessions', async (request) => {
    const search = parseSessionSearch(request.query as Record<string, unknown>);
    const page = await store.listSessions(request.orgId, search);
    return { sessions: page.items, nextCursor: page.nextCursor };
  });

  app.get('/sessions/:sessionId', async (request) => {
    const sessionId = readSessionId(request.params);
    const session = await store.getSession(request.orgId, sessionId);
    if (!session) throw new SightlineError('not_found', `no session '${sessionId}'`);
    return session;
  });

  app.get('/sessions/:sessionId/traces', async (request) => {
    const sessionId = readSessionId(request.params);
    const spans = await store.listSessionTraceSpans(request.orgId, sessionId, MAX_TRACES_PER_SESSION);
    const traces = groupSpansByTrace(spans);
    // the first 1000 by start: a session polling an API for hours has more, and says so
    return { sessionId, traces, truncated: traces.length >= MAX_TRACES_PER_SESSION };
  });

  app.get('/sessions/:sessionId/logs', async (request) => {
    const sessionId = readSessionId(request.params);
    const query = request.query as Record<string, string | undefined>;
    const page = await store.listSessionLogs(request.orgId, sessionId, {
      limit: readLimit(query.limit, 500, 5000),
      cursor: query.cursor || undefined,
    });
    return { sessionId, logs: page.items, nextCursor: page.nextCursor };
  });

  app.get('/traces/:traceId', async (request) => {
    const traceId = String((request.params as { traceId?: string }).traceId ?? '').toLowerCase();
    if (!TRACE_ID.test(traceId)) {
      throw new SightlineError('bad_request', `invalid trace id '${traceId}': expected 32 hex characters`);
    }
    const spans = await store.listTraceSpans(request.orgId, traceId);
    if (spans.length === 0) throw new SightlineError('not_found', `no trace '${traceId}'`);
    const logs = await store.listTraceLogs(request.orgId, traceId, 1000);
    const [trace] = groupSpansByTrace(spans);
    // a backend without the session middleware: the recorder's traceparent still links it
    const sessionId = trace?.sessionId ?? (await store.findSessionOfTrace(request.orgId, traceId)) ?? null;
    return { ...trace, sessionId, logs };
  });

  app.post('/query', async (request) => {
    const sql = (request.body as { sql?: unknown } | undefined)?.sql;
    if (typeof sql !== 'string' || sql.trim() === '') {
      throw new SightlineError('bad_request', 'send a JSON body { "sql": "SELECT …" }');
    }
    return runReadOnlySql(store, request.orgId, sql, {
      timeoutMs: options.queryTimeoutMs,
      maxRows: options.queryMaxRows,
    });
  });
}

function readSessionId(params: unknown): string {
  const sessionId = (params as { sessionId?: string }).sessionId ?? '';
  if (!isValidSessionId(sessionId)) {
    throw new SightlineError(
      'bad_request',
      `invalid session id '${String(sessionId).slice(0, 140)}': expected [A-Za-z0-9._:-]{8,128}`,
    );
  }
  return sessionId;
}

function readLimit(raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new SightlineError('bad_request', `limit must be an integer from 1 to ${max} (actual: '${raw}')`);
  }
  return limit;
}
