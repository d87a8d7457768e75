import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../../src/storage/store.js';
import { NO_REPLAY_SUMMARY } from '../support/replay-fixtures.js';
import { makeBatch, makeLog, makeSpan, randomTraceId } from '../support/telemetry-fixtures.js';

export interface StoreHarness {
  store: Store;
  /** Closes the store and removes what the harness created (temp file, test database). */
  dispose(): Promise<void>;
}

/**
 * One suite, every engine: SQLite and PostgreSQL must behave the same through the
 * `Store` contract. Each engine's test file calls this with a harness factory.
 */
export function describeStoreConformance(engine: string, openStore: () => Promise<StoreHarness>): void {
  describe(`Store conformance: ${engine}`, () => {
    let harness: StoreHarness;
    let store: Store;
    let orgA: number;
    let orgB: number;

    before(async () => {
      harness = await openStore();
      store = harness.store;
      orgA = (await store.createOrg('org-a')).id;
      orgB = (await store.createOrg('org-b')).id;
    });
    after(async () => {
      await harness?.dispose();
    });

    it('creates orgs with unique names and finds them', async () => {
      assert.equal((await store.findOrgByName('org-a'))?.id, orgA);
      assert.equal(await store.findOrgByName('nope'), undefined);
      await assert.rejects(store.createOrg('org-a'));
      const names = (await store.listOrgs()).map((org) => org.name);
      assert.ok(names.includes('org-a') && names.includes('org-b'));
    });

    it('stores api keys by hash', async () => {
      await store.addApiKey({ orgId: orgA, kind: 'admin', hash: 'a'.repeat(64), prefix: 'sl_sec_ab' });
      assert.deepEqual(await store.findApiKey('a'.repeat(64)), {
        orgId: orgA,
        kind: 'admin',
        hash: 'a'.repeat(64),
        prefix: 'sl_sec_ab',
      });
      assert.equal(await store.findApiKey('b'.repeat(64)), undefined);
    });

    it("returns a session's spans grouped by trace, including spans of that trace without session.id", async () => {
      const sessionId = 'conf-session-1';
      const traceId = randomTraceId();
      const t0 = Date.parse('2026-01-01T10:00:00Z') * 1000;
      const root = makeSpan({ traceId, sessionId, startUs: t0, endUs: t0 + 5000, name: 'POST /api/checkout' });
      const child = makeSpan({
        traceId,
        parentSpanId: root.spanId,
        sessionId: null,
        startUs: t0 + 100,
        endUs: t0 + 4000,
        kind: 3,
        statusCode: 2,
        statusMessage: 'boom',
        name: 'pg.query',
        eventsJson: JSON.stringify([{ timeUs: t0 + 200, name: 'exception', attributes: { 'exception.message': 'x' } }]),
      });
      const unrelated = makeSpan({ startUs: t0 });
      await store.insertTelemetry(orgA, makeBatch([child, root, unrelated]));

      const spans = await store.listSessionTraceSpans(orgA, sessionId, 100);
      assert.deepEqual(
        spans.map((span) => span.spanId),
        [root.spanId, child.spanId],
      );
      const [storedRoot, storedChild] = spans;
      assert.equal(storedRoot?.name, 'POST /api/checkout');
      assert.equal(storedRoot?.kind, 'SERVER');
      assert.equal(storedRoot?.startTimeMs, t0 / 1000);
      assert.equal(storedRoot?.durationMs, 5);
      assert.deepEqual(storedRoot?.attributes, { 'session.id': sessionId });
      assert.deepEqual(storedRoot?.resource, { 'service.name': 'checkout' });
      assert.equal(storedChild?.parentSpanId, root.spanId);
      assert.equal(storedChild?.statusCode, 'ERROR');
      assert.equal(storedChild?.statusMessage, 'boom');
      assert.equal(storedChild?.kind, 'CLIENT');
      assert.deepEqual(storedChild?.events, [
        { timeMs: (t0 + 200) / 1000, name: 'exception', attributes: { 'exception.message': 'x' } },
      ]);

      const trace = await store.listTraceSpans(orgA, traceId);
      assert.equal(trace.length, 2);
      assert.equal(trace[0]?.sessionId, sessionId);
    });

    it('keeps a span once when the same batch is ingested twice, and counts it once', async () => {
      const sessionId = 'conf-session-dup';
      const span = makeSpan({ sessionId });
      await store.insertTelemetry(orgA, makeBatch([span]));
      await store.insertTelemetry(orgA, makeBatch([span]));
      assert.equal((await store.listTraceSpans(orgA, span.traceId)).length, 1);
      assert.equal((await store.getSession(orgA, sessionId))?.spanCount, 1);
    });

    it('keeps the session summary: first/last time, counts, errors, user', async () => {
      const sessionId = 'conf-session-summary';
      const t0 = Date.parse('2026-02-01T10:00:00Z') * 1000;
      await store.insertTelemetry(
        orgA,
        makeBatch(
          [makeSpan({ sessionId, startUs: t0 + 1_000_000, endUs: t0 + 2_000_000, statusCode: 2 })],
          [makeLog({ sessionId, timeUs: t0 + 500_000 })],
        ),
      );
      const later = makeBatch([makeSpan({ sessionId, startUs: t0 + 9_000_000, endUs: t0 + 10_000_000 })]);
      const activity = later.sessions[0];
      if (activity) activity.userId = 'user-42';
      await store.insertTelemetry(orgA, later);

      const session = await store.getSession(orgA, sessionId);
      assert.deepEqual(session, {
        sessionId,
        userId: 'user-42',
        startedAtMs: (t0 + 500_000) / 1000,
        endedAtMs: (t0 + 10_000_000) / 1000,
        durationMs: 9500,
        spanCount: 2,
        logCount: 1,
        errorCount: 1,
        ...NO_REPLAY_SUMMARY,
        insights: [],
      });
      assert.equal(await store.getSession(orgB, sessionId), undefined);
    });

    it('merges a session from batches that arrive out of order, retries included', async () => {
      const sessionId = 'conf-session-out-of-order';
      const t0 = Date.parse('2026-02-02T10:00:00Z') * 1000;
      const ingest = async (spans: ReturnType<typeof makeSpan>[], userId: string | null) => {
        const batch = makeBatch(spans);
        for (const activity of batch.sessions) activity.userId = userId;
        await store.insertTelemetry(orgA, batch);
      };
      await ingest([makeSpan({ sessionId, startUs: t0 + 5_000_000, endUs: t0 + 6_000_000 })], 'user-7');
      const earlierError = makeSpan({ sessionId, startUs: t0 + 1_000_000, endUs: t0 + 2_000_000, statusCode: 2 });
      await ingest([earlierError], null);
      // a retry of the error span with one new error span: only the new one counts
      const laterError = makeSpan({ sessionId, startUs: t0 + 3_000_000, endUs: t0 + 9_000_000, statusCode: 2 });
      await ingest([earlierError, laterError], null);
      // nothing new at all
      await ingest([laterError], 'user-7');

      const session = await store.getSession(orgA, sessionId);
      assert.equal(session?.userId, 'user-7');
      assert.equal(session?.startedAtMs, (t0 + 1_000_000) / 1000);
      assert.equal(session?.endedAtMs, (t0 + 9_000_000) / 1000);
      assert.equal(session?.spanCount, 3);
      assert.equal(session?.errorCount, 2);

      await ingest([makeSpan({ sessionId, startUs: t0 + 4_000_000, endUs: t0 + 4_500_000 })], 'user-8');
      const changed = await store.getSession(orgA, sessionId);
      assert.equal(changed?.userId, 'user-8');
      assert.equal(changed?.spanCount, 4);
      assert.equal(changed?.endedAtMs, (t0 + 9_000_000) / 1000);
    });

    it('pages sessions newest first with a cursor, without gaps or repeats', async () => {
      const org = (await store.createOrg('org-paging')).id;
      const base = Date.parse('2026-03-01T00:00:00Z') * 1000;
      const spans = Array.from({ length: 7 }, (_, i) =>
        makeSpan({ sessionId: `page-session-${i}`, startUs: base + (i % 3) * 1_000_000 }),
      );
      await store.insertTelemetry(org, makeBatch(spans));
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listSessions(org, { limit: 3, cursor });
        assert.ok(page.items.length <= 3);
        seen.push(...page.items.map((session) => session.sessionId));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      assert.equal(seen.length, 7);
      assert.equal(new Set(seen).size, 7);
      const order = await store.listSessions(org, { limit: 10 });
      const starts = order.items.map((session) => session.startedAtMs);
      assert.deepEqual(
        starts,
        [...starts].sort((a, b) => b - a),
      );
    });

    it("lists a session's logs in time order with paging, and a trace's logs", async () => {
      const sessionId = 'conf-session-logs';
      const traceId = randomTraceId();
      const t0 = Date.parse('2026-04-01T00:00:00Z') * 1000;
      const logs = Array.from({ length: 5 }, (_, i) =>
        makeLog({ sessionId, timeUs: t0 + (4 - i) * 1000, body: `line ${4 - i}`, traceId, severityNumber: 17 }),
      );
      await store.insertTelemetry(orgA, makeBatch([], logs));
      const first = await store.listSessionLogs(orgA, sessionId, { limit: 3 });
      assert.deepEqual(
        first.items.map((log) => log.body),
        ['line 0', 'line 1', 'line 2'],
      );
      assert.equal(first.items[0]?.severity, 'INFO');
      assert.ok(first.nextCursor);
      const second = await store.listSessionLogs(orgA, sessionId, { limit: 3, cursor: first.nextCursor });
      assert.deepEqual(
        second.items.map((log) => log.body),
        ['line 3', 'line 4'],
      );
      assert.equal(second.nextCursor, null);
      assert.equal((await store.listTraceLogs(orgA, traceId, 100)).length, 5);
      assert.equal((await store.listSessionLogs(orgB, sessionId, { limit: 10 })).items.length, 0);
    });

    it("never returns another org's rows", async () => {
      const sessionId = 'conf-session-isolated';
      const span = makeSpan({ sessionId });
      await store.insertTelemetry(orgA, makeBatch([span], [makeLog({ sessionId, traceId: span.traceId })]));
      assert.equal((await store.listTraceSpans(orgB, span.traceId)).length, 0);
      assert.equal((await store.listSessionTraceSpans(orgB, sessionId, 10)).length, 0);
      assert.equal((await store.listTraceLogs(orgB, span.traceId, 10)).length, 0);
      const sessionsOfB = await store.listSessions(orgB, { limit: 100 });
      assert.ok(!sessionsOfB.items.some((session) => session.sessionId === sessionId));
    });

    it('stores text with unusual characters intact', async () => {
      const text = 'naïve ☃ "quotes" \\ back\nline \u2028 emoji 🎉';
      const span = makeSpan({ name: text, attributesJson: JSON.stringify({ note: text, n: 1.5, ok: true }) });
      await store.insertTelemetry(orgA, makeBatch([span]));
      const [stored] = await store.listTraceSpans(orgA, span.traceId);
      assert.equal(stored?.name, text);
      assert.deepEqual(stored?.attributes, { note: text, n: 1.5, ok: true });
    });
  });
}
