import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isSightlineError, type SightlineErrorCode } from '../../src/errors.js';
import { extractInsightSignals } from '../../src/insights/signals.js';
import { PUBLIC_VIEWS } from '../../src/query/sql/public-views.js';
import { runReadOnlySql, type SqlQueryOptions } from '../../src/query/sql/run-query.js';
import type { QueryResult, SpanRecord, Store } from '../../src/storage/store.js';
import { replayEvents as e, makeReplayActivity, makeReplayRecord } from '../support/replay-fixtures.js';
import { makeBatch, makeLog, makeSpan, randomTraceId } from '../support/telemetry-fixtures.js';

export interface QueryStoreHarness {
  store: Store;
  /** Closes the store and removes what the harness created (temp file, test database). */
  dispose(): Promise<void>;
}

const ISSUE_QUERY = "SELECT * FROM traces WHERE attributes->>'session.id' = 'abc-123-xyz' ORDER BY start_time";
const SESSION_ID = 'abc-123-xyz';
/** 2026-01-01T10:00:00Z in µs; the spans below sit at sub-millisecond offsets from it. */
const T0 = Date.parse('2026-01-01T10:00:00Z') * 1000;

/**
 * `POST /api/query` behaves the same on every engine: the article's query, the public
 * columns, org isolation, refusals, the time limit and the row cap. Each engine's test
 * file calls this with a harness factory.
 */
export function describeReadOnlyQueryConformance(engine: string, openStore: () => Promise<QueryStoreHarness>): void {
  describe(`read-only SQL conformance: ${engine}`, () => {
    let harness: QueryStoreHarness;
    let store: Store;
    let orgA: number;
    let orgB: number;
    let orgBig: number;
    let sessionSpans: SpanRecord[];
    let orgATraceCount: number;

    const query = (orgId: number, sql: string, options: SqlQueryOptions = {}) =>
      runReadOnlySql(store, orgId, sql, { timeoutMs: 20_000, ...options });

    before(async () => {
      harness = await openStore();
      store = harness.store;
      orgA = (await store.createOrg('query-org-a')).id;
      orgB = (await store.createOrg('query-org-b')).id;
      orgBig = (await store.createOrg('query-org-big')).id;

      const traceId = randomTraceId();
      const root = makeSpan({
        traceId,
        sessionId: SESSION_ID,
        name: 'POST /api/checkout',
        startUs: T0 + 123_457,
        endUs: T0 + 125_957,
        statusCode: 2,
        statusMessage: 'card declined',
        eventsJson: JSON.stringify([
          { timeUs: T0 + 124_000, name: 'exception', attributes: { 'exception.type': 'E' } },
        ]),
      });
      const child = makeSpan({
        traceId,
        parentSpanId: root.spanId,
        sessionId: SESSION_ID,
        name: 'pg.query',
        kind: 3,
        startUs: T0 + 124_000,
        endUs: T0 + 124_500,
      });
      const later = makeSpan({ sessionId: SESSION_ID, name: 'GET /api/cart', startUs: T0 + 2_000_000 });
      sessionSpans = [root, child, later];
      const otherSession = makeSpan({ sessionId: 'abc-123-xyz-other', startUs: T0 + 50 });
      const noSession = makeSpan({ startUs: T0 + 60 });
      // inserted out of order: only ORDER BY start_time may put them in order
      await store.insertTelemetry(
        orgA,
        makeBatch(
          [later, otherSession, child, noSession, root],
          [
            makeLog({ timeUs: T0 + 124_100, sessionId: SESSION_ID, traceId, spanId: child.spanId, body: 'declined' }),
            makeLog({ timeUs: T0 + 124_200, severityNumber: 17, severityText: null, body: 'payment failed' }),
          ],
        ),
      );
      orgATraceCount = 5;

      // the other org has spans of the same session id: they must never show up for org A
      await store.insertTelemetry(
        orgB,
        makeBatch(
          [makeSpan({ sessionId: SESSION_ID, startUs: T0 + 1, name: 'org-b span' })],
          [makeLog({ sessionId: SESSION_ID, timeUs: T0 + 2, body: 'org-b log' })],
        ),
      );

      // enough rows that a three-way cross join runs for minutes
      await store.insertTelemetry(
        orgBig,
        makeBatch(Array.from({ length: 1500 }, (_, index) => makeSpan({ startUs: T0 + index }))),
      );
    });
    after(async () => {
      await harness?.dispose();
    });

    it("runs the article's query: exactly the session's spans, in start order", async () => {
      const result = await query(orgA, ISSUE_QUERY);
      assert.deepEqual(result.columns, [...PUBLIC_VIEWS.traces]);
      assert.deepEqual(
        result.rows.map((row) => cell(result, row, 'span_id')),
        sessionSpans.map((span) => span.spanId),
      );
      assert.equal(result.truncated, false);
      assert.equal(typeof result.elapsedMs, 'number');
    });

    it('gives the documented values for every traces column', async () => {
      const result = await query(orgA, `${ISSUE_QUERY} LIMIT 1`);
      const [row] = result.rows;
      assert.ok(row);
      const [root] = sessionSpans;
      assert.deepEqual(toRecord(result, row), {
        trace_id: root?.traceId,
        span_id: root?.spanId,
        parent_span_id: null,
        name: 'POST /api/checkout',
        kind: 'SERVER',
        service_name: 'checkout',
        start_time: '2026-01-01T10:00:00.123457Z',
        end_time: '2026-01-01T10:00:00.125957Z',
        duration_ms: 2.5,
        status_code: 'ERROR',
        status_message: 'card declined',
        session_id: SESSION_ID,
        attributes: { 'session.id': SESSION_ID },
        resource: { 'service.name': 'checkout' },
        events: [{ timeUs: T0 + 124_000, name: 'exception', attributes: { 'exception.type': 'E' } }],
        links: null,
      });
    });

    it('gives the documented logs and sessions columns', async () => {
      const logs = await query(orgA, 'SELECT * FROM logs ORDER BY timestamp');
      assert.deepEqual(logs.columns, [...PUBLIC_VIEWS.logs]);
      assert.deepEqual(
        logs.rows.map((row) => [cell(logs, row, 'timestamp'), cell(logs, row, 'severity'), cell(logs, row, 'body')]),
        [
          ['2026-01-01T10:00:00.124100Z', 'INFO', 'declined'],
          ['2026-01-01T10:00:00.124200Z', 'ERROR', 'payment failed'],
        ],
      );

      const sessions = await query(orgA, `SELECT * FROM sessions WHERE session_id = '${SESSION_ID}'`);
      assert.deepEqual(sessions.columns, [...PUBLIC_VIEWS.sessions]);
      const [row] = sessions.rows;
      assert.ok(row);
      assert.deepEqual(toRecord(sessions, row), {
        session_id: SESSION_ID,
        user_id: null,
        started_at: '2026-01-01T10:00:00.123457Z',
        ended_at: '2026-01-01T10:00:02.001500Z',
        duration_ms: 1878.043,
        span_count: 3,
        log_count: 1,
        error_count: 1,
        has_replay: false,
        first_url: null,
        page_count: 0,
        active_ms: 0,
        browser: null,
        os: null,
        device_type: null,
        click_count: 0,
        js_error_count: 0,
        console_error_count: 0,
        failed_request_count: 0,
        rage_click_count: 0,
        dead_click_count: 0,
        double_submit_count: 0,
        error_click_count: 0,
        slow_frame_count: 0,
      });
    });

    it("gives a replay session's summary and insight counts, has_replay a boolean on both engines", async () => {
      const orgReplay = (await store.createOrg('query-org-replay')).id;
      const record = makeReplayRecord('query-replay-session', 0, { firstEventUs: T0, lastEventUs: T0 + 9_000_000 });
      const events = [e.click(T0 / 1000), e.click(T0 / 1000 + 100), e.click(T0 / 1000 + 200)];
      await store.insertReplayBatch(
        orgReplay,
        record,
        makeReplayActivity(record, {
          urls: ['https://shop.example/'],
          browser: 'Firefox',
          clickCount: 3,
          insightSignals: extractInsightSignals(events),
        }),
      );
      const result = await query(
        orgReplay,
        `SELECT session_id, has_replay, first_url, browser, click_count, rage_click_count, dead_click_count
         FROM sessions WHERE has_replay AND rage_click_count > 0`,
      );
      assert.deepEqual(result.rows, [['query-replay-session', true, 'https://shop.example/', 'Firefox', 3, 1, 0]]);
    });

    it('keeps the order of a query that has its own WITH', async () => {
      const result = await query(
        orgA,
        `WITH mine AS (SELECT span_id, start_time FROM traces WHERE session_id = '${SESSION_ID}')
         SELECT span_id FROM mine ORDER BY start_time DESC`,
      );
      assert.deepEqual(
        result.rows.map((row) => row[0]),
        sessionSpans.map((span) => span.spanId).reverse(),
      );
    });

    it('returns numbers for aggregates and counts on both engines', async () => {
      const result = await query(
        orgA,
        `SELECT kind, count(*) AS spans, sum(duration_ms) AS total_ms FROM traces
         WHERE session_id = '${SESSION_ID}' GROUP BY kind ORDER BY kind`,
      );
      assert.deepEqual(result.rows, [
        ['CLIENT', 1, 0.5],
        ['SERVER', 2, 4],
      ]);
    });

    it('runs the kinds of query the validator accepts, on the engine behind it', async () => {
      const common = [
        `WITH slow AS (SELECT * FROM traces WHERE duration_ms > 1), failed AS (SELECT trace_id FROM slow WHERE status_code = 'ERROR')
         SELECT count(*) FROM failed`,
        'SELECT t.name, l.body FROM traces t LEFT JOIN logs l ON l.span_id = t.span_id ORDER BY t.start_time',
        'SELECT s.session_id, (SELECT count(*) FROM traces t WHERE t.session_id = s.session_id) AS n FROM sessions s',
        'SELECT name FROM traces UNION ALL SELECT body FROM logs ORDER BY 1',
        'SELECT row_number() OVER (PARTITION BY trace_id ORDER BY start_time) AS n, name FROM traces',
        'SELECT count(*) OVER () AS total, name FROM traces',
        "SELECT CAST(attributes->>'http.status_code' AS INTEGER) AS status FROM traces",
        "SELECT coalesce(service_name, 'unknown'), nullif(status_message, ''), lower(name), round(duration_ms) FROM traces",
        "SELECT min(start_time), max(end_time) FROM traces WHERE start_time >= '2026-01-01'",
        'SELECT timestamp, severity, body FROM logs ORDER BY timestamp DESC LIMIT 50',
        'SELECT * FROM (WITH inner_q AS (SELECT name FROM traces) SELECT * FROM inner_q) q',
      ];
      const byEngine = {
        sqlite: [
          `SELECT json_extract(attributes, '$."session.id"'), json_array_length(events) FROM traces`,
          "SELECT j.value ->> 'name' FROM traces, json_each(traces.events) AS j",
          "SELECT strftime('%H', start_time) AS hour, count(*) FROM traces GROUP BY hour",
          'SELECT name FROM traces INTERSECT SELECT name FROM traces',
        ],
        postgres: [
          `SELECT attributes #>> '{session.id}', attributes ? 'session.id', attributes @> '{"a":1}'::jsonb FROM traces`,
          "SELECT e->>'name' FROM traces t, LATERAL jsonb_array_elements(t.events) AS e",
          "SELECT date_trunc('hour', start_time) AS hour, count(*) FROM traces GROUP BY 1 ORDER BY 1",
          'SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) FROM traces',
          "SELECT count(*) FILTER (WHERE status_code = 'ERROR'), EXTRACT(EPOCH FROM max(start_time)) FROM traces",
        ],
      };
      for (const sql of [...common, ...byEngine[store.engine]]) {
        await assert.doesNotReject(query(orgA, sql), sql);
      }
      const [exception] = (await query(orgA, byEngine[store.engine][1] ?? '')).rows;
      assert.deepEqual(exception, ['exception']);
    });

    it("never shows another org's rows, however the query reaches them", async () => {
      const queries = [
        'SELECT count(*) FROM traces',
        `SELECT count(*) FROM traces t JOIN logs l ON l.session_id = t.session_id`,
        `SELECT count(*) FROM (SELECT name FROM traces UNION ALL SELECT body FROM logs) q WHERE name LIKE 'org-b%'`,
        `SELECT count(*) FROM traces WHERE trace_id IN (SELECT trace_id FROM traces WHERE name = 'org-b span')`,
        `WITH everything AS (SELECT name FROM traces) SELECT count(*) FROM everything WHERE name = 'org-b span'`,
      ];
      const counts = [];
      for (const sql of queries) counts.push((await query(orgA, sql)).rows[0]?.[0]);
      assert.deepEqual(counts, [orgATraceCount, 3, 0, 0, 0]);

      const session = await query(orgB, ISSUE_QUERY);
      assert.deepEqual(
        session.rows.map((row) => cell(session, row, 'name')),
        ['org-b span'],
      );
      const sessions = await query(orgB, 'SELECT session_id, span_count, log_count FROM sessions');
      assert.deepEqual(sessions.rows, [[SESSION_ID, 1, 1]]);
    });

    it('refuses the tables behind the views and every write, naming the problem', async () => {
      const refused: Array<[string, RegExp]> = [
        ['SELECT * FROM spans', /table 'spans' is not available/],
        ['SELECT * FROM orgs', /table 'orgs' is not available/],
        ['SELECT hash FROM api_keys', /table 'api_keys' is not available/],
        ['SELECT * FROM resources', /table 'resources' is not available/],
        ['SELECT * FROM traces WHERE trace_id IN (SELECT trace_id FROM spans)', /table 'spans'/],
        ['SELECT name FROM traces UNION SELECT hash FROM api_keys', /table 'api_keys'/],
        ['SELECT * FROM sqlite_master', /'sqlite_master' is not available/],
        ['SELECT * FROM pg_catalog.pg_tables', /'pg_catalog' is not available/],
        ["DELETE FROM traces WHERE name = 'x'", /DELETE statements are not allowed/],
        ['DROP TABLE spans', /DROP statements are not allowed/],
        ['SELECT 1; DELETE FROM spans', /only one statement/],
      ];
      for (const [sql, message] of refused) {
        await assertQueryError(query(orgA, sql), 'invalid_query', message);
      }
      assert.equal((await query(orgA, 'SELECT count(*) FROM traces')).rows[0]?.[0], orgATraceCount);
    });

    it('refuses writes in the store itself, without the validator in front', async () => {
      for (const sql of ['DELETE FROM spans', 'SELECT 1 FROM traces; DELETE FROM spans']) {
        await assertQueryError(store.runReadOnlyQuery(orgA, sql, { timeoutMs: 20_000, maxRows: 10 }), 'invalid_query');
      }
      assert.equal((await query(orgA, 'SELECT count(*) FROM traces')).rows[0]?.[0], orgATraceCount);
    });

    it("reports the engine's own error for a query that fails there", async () => {
      await assertQueryError(query(orgA, 'SELECT no_such_column FROM traces'), 'invalid_query', /no_such_column/);
    });

    it('stops a slow query at the time limit and keeps answering afterwards', async () => {
      const started = performance.now();
      await assertQueryError(
        query(orgBig, 'SELECT count(*) FROM traces a, traces b, traces c', { timeoutMs: 500 }),
        'query_timeout',
        /500 ms/,
      );
      // the limit is the engine's, not a timer that gives up waiting: it must hold to a second or two
      assert.ok(performance.now() - started < 5_000, `took ${Math.round(performance.now() - started)} ms`);

      const after = await query(orgBig, 'SELECT count(*) FROM traces');
      assert.deepEqual(after.rows, [[1500]]);
    });

    it('answers queries sent at the same time, each with its own org and result', async () => {
      const orgs = [orgA, orgB, orgBig, orgA, orgB, orgBig];
      const results = await Promise.all(orgs.map((orgId) => query(orgId, 'SELECT count(*) FROM traces')));
      assert.deepEqual(
        results.map((result) => result.rows[0]?.[0]),
        [orgATraceCount, 1, 1500, orgATraceCount, 1, 1500],
      );
    });

    it('caps the rows and says so', async () => {
      const capped = await query(orgBig, 'SELECT span_id FROM traces ORDER BY start_time', { maxRows: 10 });
      assert.equal(capped.rows.length, 10);
      assert.equal(capped.truncated, true);
      const exact = await query(orgA, ISSUE_QUERY, { maxRows: 3 });
      assert.equal(exact.rows.length, 3);
      assert.equal(exact.truncated, false);
    });
  });
}

function cell(result: QueryResult, row: unknown[], column: string): unknown {
  return row[result.columns.indexOf(column)];
}

function toRecord(result: QueryResult, row: unknown[]): Record<string, unknown> {
  return Object.fromEntries(result.columns.map((column, index) => [column, row[index]]));
}

async function assertQueryError(
  promise: Promise<unknown>,
  code: SightlineErrorCode,
  message: RegExp = /./,
): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isSightlineError(error), `expected a SightlineError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    assert.match(error.message, message);
    return true;
  });
}
