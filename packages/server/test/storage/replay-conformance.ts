import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { extractInsightSignals } from '../../src/insights/signals.js';
import { MAX_SESSION_INSIGHTS } from '../../src/storage/internal/merge-insights.js';
import { MAX_SESSION_URLS } from '../../src/storage/internal/merge-replay-lists.js';
import type { ReplayBatchRecord, SessionReplayActivity, Store } from '../../src/storage/store.js';
import {
  replayEvents as e,
  makeReplayActivity,
  makeReplayRecord,
  type TestReplayEvent,
} from '../support/replay-fixtures.js';
import { makeBatch, makeSpan } from '../support/telemetry-fixtures.js';
import type { StoreHarness } from './store-conformance.js';

/**
 * The replay half of the `Store` contract, on every engine: batches unique per
 * (org, session, seq), read back by seq, and the session summary merged the same way.
 */
export function describeReplayConformance(engine: string, openStore: () => Promise<StoreHarness>): void {
  describe(`Store replay conformance: ${engine}`, () => {
    let harness: StoreHarness;
    let store: Store;
    let orgA: number;
    let orgB: number;

    before(async () => {
      harness = await openStore();
      store = harness.store;
      orgA = (await store.createOrg('replay-org-a')).id;
      orgB = (await store.createOrg('replay-org-b')).id;
    });
    after(async () => {
      await harness?.dispose();
    });

    it('links the traces its recorded requests carried, even when the backend never set session.id', async () => {
      const sessionId = 'replay-conf-linked-traces';
      const tagged = makeSpan({ sessionId });
      const untaggedRoot = makeSpan({ name: 'GET /checkout (document)' });
      const untaggedChild = makeSpan({ traceId: untaggedRoot.traceId, parentSpanId: untaggedRoot.spanId });
      await store.insertTelemetry(orgA, makeBatch([tagged, untaggedRoot, untaggedChild, makeSpan()]));
      const record = makeReplayRecord(sessionId, 0);
      await store.insertReplayBatch(orgA, record, makeReplayActivity(record, { traceIds: [untaggedRoot.traceId] }));

      const spans = await store.listSessionTraceSpans(orgA, sessionId, 100);
      assert.deepEqual(
        new Set(spans.map((span) => span.spanId)),
        new Set([tagged.spanId, untaggedRoot.spanId, untaggedChild.spanId]),
      );
      assert.equal(await store.findSessionOfTrace(orgA, untaggedRoot.traceId), sessionId);
      assert.equal(await store.findSessionOfTrace(orgB, untaggedRoot.traceId), undefined);
      assert.deepEqual(await store.listSessionTraceSpans(orgB, sessionId, 100), []);
      const found = await store.listSessions(orgA, { limit: 10, filters: { traceId: untaggedRoot.traceId } });
      assert.deepEqual(
        found.items.map((session) => session.sessionId),
        [sessionId],
      );
    });

    it('stores a (session, seq) once: a retry is answered stored: false and counts nothing twice', async () => {
      const sessionId = 'replay-conf-dup';
      const record = makeReplayRecord(sessionId, 0);
      const activity = makeReplayActivity(record, { clickCount: 3, urls: ['https://shop.example/'], pageCount: 1 });
      assert.deepEqual(await store.insertReplayBatch(orgA, record, activity), { stored: true });
      assert.deepEqual(await store.insertReplayBatch(orgA, record, activity), { stored: false });

      const batches = await store.listReplayBatches(orgA, sessionId, { fromSeq: 0, limit: 10 });
      assert.equal(batches.length, 1);
      const session = await store.getSession(orgA, sessionId);
      assert.equal(session?.clickCount, 3);
      assert.equal(session?.pageCount, 1);
      assert.equal(session?.eventCount, record.eventCount);
      assert.equal(session?.replayBytes, record.payload.length);
    });

    it('returns batches by seq whatever the arrival order, with their payload byte for byte', async () => {
      const sessionId = 'replay-conf-order';
      const records = [3, 0, 2, 1, 4].map((seq) => makeReplayRecord(sessionId, seq));
      for (const record of records) await store.insertReplayBatch(orgA, record, makeReplayActivity(record));

      const all = await store.listReplayBatches(orgA, sessionId, { fromSeq: 0, limit: 100 });
      assert.deepEqual(
        all.map((batch) => batch.seq),
        [0, 1, 2, 3, 4],
      );
      const expected = records.find((record) => record.seq === 2);
      const stored = all[2];
      assert.ok(expected && stored);
      assert.ok(stored.payload.equals(expected.payload));
      assert.equal(stored.eventCount, expected.eventCount);
      assert.equal(stored.firstEventMs, expected.firstEventUs / 1000);
      assert.equal(stored.lastEventMs, expected.lastEventUs / 1000);

      const page = await store.listReplayBatches(orgA, sessionId, { fromSeq: 2, limit: 2 });
      assert.deepEqual(
        page.map((batch) => batch.seq),
        [2, 3],
      );
      assert.deepEqual(await store.listReplayBatches(orgA, sessionId, { fromSeq: 5, limit: 2 }), []);
    });

    it('merges batches into the session summary the same way on every engine', async () => {
      const sessionId = 'replay-conf-summary';
      const t0 = Date.parse('2026-05-02T09:00:00Z') * 1000;
      // seq 1 arrives first: its URL stands in as first URL until seq 0 comes
      const second = makeReplayRecord(sessionId, 1, { firstEventUs: t0 + 10_000_000, lastEventUs: t0 + 20_000_000 });
      await store.insertReplayBatch(
        orgA,
        second,
        makeReplayActivity(second, {
          urls: ['https://shop.example/cart', 'https://shop.example/checkout'],
          pageCount: 2,
          activeMs: 4000,
          clickCount: 2,
          jsErrorCount: 1,
          consoleErrorCount: 1,
          failedRequestCount: 1,
          userId: 'user-7',
          userTraitsJson: JSON.stringify({ plan: 'pro', country: 'FR' }),
          userAgent: 'second-agent',
          browser: 'Firefox',
          browserVersion: '125.0',
          os: 'Linux',
          deviceType: 'desktop',
        }),
      );
      assert.equal((await store.getSession(orgA, sessionId))?.firstUrl, 'https://shop.example/cart');

      const first = makeReplayRecord(sessionId, 0, { firstEventUs: t0, lastEventUs: t0 + 9_000_000 });
      await store.insertReplayBatch(
        orgA,
        first,
        makeReplayActivity(first, {
          urls: ['https://shop.example/', 'https://shop.example/cart'],
          pageCount: 1,
          activeMs: 1500,
          clickCount: 1,
          userTraitsJson: JSON.stringify({ plan: 'enterprise' }),
          previousSessionId: 'replay-conf-before',
          userAgent: 'first-agent',
          browser: 'Chrome',
          browserVersion: '124.0.0.0',
          os: 'Mac OS',
          deviceType: 'desktop',
        }),
      );

      const session = await store.getSession(orgA, sessionId);
      assert.deepEqual(session, {
        sessionId,
        userId: 'user-7',
        startedAtMs: t0 / 1000,
        endedAtMs: (t0 + 20_000_000) / 1000,
        durationMs: 20_000,
        spanCount: 0,
        logCount: 0,
        errorCount: 0,
        hasReplay: true,
        firstUrl: 'https://shop.example/',
        urls: ['https://shop.example/cart', 'https://shop.example/checkout', 'https://shop.example/'],
        pageCount: 3,
        activeMs: 5500,
        userTraits: { plan: 'enterprise', country: 'FR' },
        // the first batch stored that had a user agent sets all of its fields
        userAgent: 'second-agent',
        browser: 'Firefox',
        browserVersion: '125.0',
        os: 'Linux',
        deviceType: 'desktop',
        clickCount: 3,
        jsErrorCount: 1,
        consoleErrorCount: 1,
        failedRequestCount: 1,
        previousSessionId: 'replay-conf-before',
        replayBytes: first.payload.length + second.payload.length,
        eventCount: first.eventCount + second.eventCount,
        rageClickCount: 0,
        deadClickCount: 0,
        doubleSubmitCount: 0,
        errorClickCount: 0,
        slowFrameCount: 0,
        clockOffsetMs: null,
        insights: [],
      });
    });

    it('spans the session over replay and backend times, in either order', async () => {
      const sessionId = 'replay-conf-times';
      const t0 = Date.parse('2026-05-03T09:00:00Z') * 1000;
      await store.insertTelemetry(
        orgA,
        makeBatch([makeSpan({ sessionId, startUs: t0 + 2_000_000, endUs: t0 + 30_000_000, statusCode: 2 })]),
      );
      const record = makeReplayRecord(sessionId, 0, { firstEventUs: t0, lastEventUs: t0 + 10_000_000 });
      await store.insertReplayBatch(orgA, record, makeReplayActivity(record, { jsErrorCount: 2 }));
      const session = await store.getSession(orgA, sessionId);
      assert.equal(session?.startedAtMs, t0 / 1000);
      assert.equal(session?.endedAtMs, (t0 + 30_000_000) / 1000);
      assert.equal(session?.spanCount, 1);
      // errorCount stays the backend's count; JS errors are counted apart
      assert.equal(session?.errorCount, 1);
      assert.equal(session?.jsErrorCount, 2);
      assert.equal(session?.hasReplay, true);
    });

    it('keeps the first 100 distinct URLs of a session', async () => {
      const sessionId = 'replay-conf-urls';
      for (let seq = 0; seq < 3; seq++) {
        const record = makeReplayRecord(sessionId, seq);
        const urls = Array.from({ length: 60 }, (_, i) => `https://shop.example/p/${seq * 40 + i}`);
        await store.insertReplayBatch(orgA, record, makeReplayActivity(record, { urls }));
      }
      const urls = (await store.getSession(orgA, sessionId))?.urls ?? [];
      assert.equal(urls.length, MAX_SESSION_URLS);
      assert.equal(new Set(urls).size, MAX_SESSION_URLS);
      assert.deepEqual(urls.slice(0, 3), [
        'https://shop.example/p/0',
        'https://shop.example/p/1',
        'https://shop.example/p/2',
      ]);
      assert.equal(urls.at(-1), 'https://shop.example/p/99');
    });

    it('loses no URL and no count when batches of one session are stored concurrently', async () => {
      const sessionId = 'replay-conf-concurrent';
      const records = Array.from({ length: 16 }, (_, seq) => makeReplayRecord(sessionId, seq));
      const results = await Promise.all(
        records.map((record) =>
          store.insertReplayBatch(
            orgA,
            record,
            makeReplayActivity(record, { urls: [`https://shop.example/c/${record.seq}`], clickCount: 1 }),
          ),
        ),
      );
      assert.ok(results.every((result) => result.stored));
      const session = await store.getSession(orgA, sessionId);
      assert.equal(session?.clickCount, 16);
      assert.deepEqual(
        [...(session?.urls ?? [])].sort(),
        records.map((record) => `https://shop.example/c/${record.seq}`).sort(),
      );
    });

    it("never returns another org's batches", async () => {
      const sessionId = 'replay-conf-isolated';
      const record = makeReplayRecord(sessionId, 0);
      await store.insertReplayBatch(orgA, record, makeReplayActivity(record));
      assert.deepEqual(await store.listReplayBatches(orgB, sessionId, { fromSeq: 0, limit: 10 }), []);
      assert.equal(await store.getSession(orgB, sessionId), undefined);
      // the same (session, seq) in another org is another batch
      assert.deepEqual(await store.insertReplayBatch(orgB, record, makeReplayActivity(record)), { stored: true });
    });

    /** A batch's activity with the insight signals of `events`, as the ingest layer reads them. */
    const withEvents = (record: ReplayBatchRecord, events: TestReplayEvent[]): SessionReplayActivity =>
      makeReplayActivity(record, { insightSignals: extractInsightSignals(events) });
    const T1 = Date.parse('2026-05-04T09:00:00Z');
    const TRACE = 'c'.repeat(32);

    it('finds insights across batches in the transaction, lists them and counts each once', async () => {
      const sessionId = 'replay-conf-insights';
      const first = makeReplayRecord(sessionId, 0);
      const second = makeReplayRecord(sessionId, 1);
      await store.insertReplayBatch(
        orgA,
        first,
        withEvents(first, [
          e.meta(T1, 'https://shop.example/'),
          e.click(T1 + 1000, 7),
          e.click(T1 + 1200, 7),
          e.custom(T1 + 1500, 'sightline.performance', { kind: 'longtask', value: 250, durationMs: 250 }),
        ]),
      );
      const secondActivity = withEvents(second, [
        e.click(T1 + 1400, 7),
        e.click(T1 + 5000, 9, { x: 600, y: 40 }),
        e.request(T1 + 5100, T1 + 5300, { status: 500, traceId: TRACE }),
        e.mouseMove(T1 + 20_000),
      ]);
      await store.insertReplayBatch(orgA, second, secondActivity);
      // a retry of a stored batch counts nothing twice
      assert.deepEqual(await store.insertReplayBatch(orgA, second, secondActivity), { stored: false });

      const session = await store.getSession(orgA, sessionId);
      assert.deepEqual(
        {
          rage: session?.rageClickCount,
          dead: session?.deadClickCount,
          doubleSubmit: session?.doubleSubmitCount,
          error: session?.errorClickCount,
          slow: session?.slowFrameCount,
        },
        { rage: 1, dead: 3, doubleSubmit: 0, error: 1, slow: 1 },
      );
      assert.deepEqual(session?.insights, [
        { type: 'rage-click', timeMs: T1 + 1000, targetId: 7, count: 3, durationMs: 400 },
        { type: 'dead-click', timeMs: T1 + 1000, targetId: 7 },
        { type: 'dead-click', timeMs: T1 + 1200, targetId: 7 },
        { type: 'dead-click', timeMs: T1 + 1400, targetId: 7 },
        { type: 'slow-frame', timeMs: T1 + 1500, durationMs: 250, detail: 'longtask 250 ms' },
        {
          type: 'error-click',
          timeMs: T1 + 5000,
          targetId: 9,
          traceIds: [TRACE],
          detail: '500 POST https://shop.example/api/orders',
        },
      ]);
      const [listed] = (await store.listSessions(orgA, { limit: 1 })).items;
      assert.ok(listed);
      assert.equal('insights' in listed, false, 'the list leaves the findings out');
    });

    it('counts every finding once when batches of one session are stored concurrently', async () => {
      const sessionId = 'replay-conf-insights-concurrent';
      // a closed burst and a slow frame in each batch, 10 s apart: whatever the order, 10 of each
      const records = Array.from({ length: 10 }, (_, seq) => makeReplayRecord(sessionId, seq));
      await Promise.all(
        records.map((record) => {
          const start = T1 + record.seq * 10_000;
          return store.insertReplayBatch(
            orgA,
            record,
            withEvents(record, [
              e.click(start, 3),
              e.domChange(start + 10),
              e.click(start + 100, 3),
              e.domChange(start + 110),
              e.click(start + 200, 3),
              e.domChange(start + 210),
              e.custom(start + 300, 'sightline.performance', { kind: 'INP', value: 700, rating: 'poor' }),
              e.mouseMove(start + 9000),
            ]),
          );
        }),
      );
      const session = await store.getSession(orgA, sessionId);
      assert.equal(session?.rageClickCount, 10);
      assert.equal(session?.slowFrameCount, 10);
      assert.equal(session?.deadClickCount, 0);
      assert.equal(session?.insights.length, 20);
    });

    it('lists the first 500 findings by time and keeps counting past them', async () => {
      const sessionId = 'replay-conf-insights-cap';
      const record = makeReplayRecord(sessionId, 0);
      const frames = Array.from({ length: MAX_SESSION_INSIGHTS + 20 }, (_, i) =>
        e.custom(T1 + (MAX_SESSION_INSIGHTS + 20 - i) * 1000, 'sightline.performance', {
          kind: 'long-animation-frame',
          value: 400,
          durationMs: 400,
        }),
      );
      await store.insertReplayBatch(orgA, record, withEvents(record, frames));
      const session = await store.getSession(orgA, sessionId);
      assert.equal(session?.slowFrameCount, MAX_SESSION_INSIGHTS + 20);
      assert.equal(session?.insights.length, MAX_SESSION_INSIGHTS);
      assert.equal(session?.insights[0]?.timeMs, T1 + 1000);
    });

    it('reads a batch that comes after a later one alone, counting nothing twice', async () => {
      const sessionId = 'replay-conf-insights-late';
      const burst = (start: number) => [e.click(start), e.click(start + 100), e.click(start + 200)];
      const first = makeReplayRecord(sessionId, 0);
      const second = makeReplayRecord(sessionId, 1);
      await store.insertReplayBatch(
        orgA,
        second,
        withEvents(second, [...burst(T1 + 10_000), e.mouseMove(T1 + 20_000)]),
      );
      await store.insertReplayBatch(orgA, first, withEvents(first, [...burst(T1), e.mouseMove(T1 + 9000)]));
      const session = await store.getSession(orgA, sessionId);
      assert.equal(session?.rageClickCount, 2);
      assert.deepEqual(
        session?.insights.filter((insight) => insight.type === 'rage-click').map((insight) => insight.timeMs),
        [T1, T1 + 10_000],
      );
    });

    it('settles the clicks of sessions that waited for a next batch since before the given time', async () => {
      // received in 1970: no other test's session is that old, so the counts here are exact
      const at = (seconds: number) => ({ receivedUs: seconds * 1_000_000 });
      const idle = 'replay-conf-settle-idle';
      const answered = 'replay-conf-settle-answered';
      const recent = 'replay-conf-settle-recent';
      const open = (sessionId: string, seq: number, receivedS: number, start: number) => {
        const record = makeReplayRecord(sessionId, seq, at(receivedS));
        return store.insertReplayBatch(orgB, record, withEvents(record, [e.click(start, 4), e.mouseMove(start + 300)]));
      };
      await open(idle, 0, 10, T1);
      await open(answered, 0, 10, T1);
      const reply = makeReplayRecord(answered, 1, at(11));
      await store.insertReplayBatch(orgB, reply, withEvents(reply, [e.domChange(T1 + 500), e.mouseMove(T1 + 9000)]));
      await open(recent, 0, 10, T1);
      await open(recent, 1, 30, T1 + 20_000); // its first click is decided; the second waits since 30 s

      assert.equal(await store.settleOpenInsights(5_000, 100), 0, 'nothing waited since before 5 s');
      assert.equal(await store.settleOpenInsights(20_000, 100), 1, 'only the idle session: the others got a batch');
      const settled = await store.getSession(orgB, idle);
      assert.equal(settled?.deadClickCount, 1);
      assert.deepEqual(settled?.insights, [{ type: 'dead-click', timeMs: T1, targetId: 4 }]);
      assert.equal((await store.getSession(orgB, answered))?.deadClickCount, 0);
      assert.equal((await store.getSession(orgB, recent))?.deadClickCount, 1, 'its first click, by its second batch');
      assert.equal(await store.settleOpenInsights(20_000, 100), 0, 'a settled session is not settled again');

      // a batch that still comes after settling counts nothing twice
      const late = makeReplayRecord(idle, 1, at(40));
      await store.insertReplayBatch(orgB, late, withEvents(late, [e.domChange(T1 + 800), e.mouseMove(T1 + 9000)]));
      assert.equal((await store.getSession(orgB, idle))?.deadClickCount, 1);

      assert.equal(await store.settleOpenInsights(35_000, 100), 1, 'the recent one, once it is old enough');
      assert.equal((await store.getSession(orgB, recent))?.deadClickCount, 2);
    });

    it('reports a session without replay as hasReplay: false', async () => {
      const sessionId = 'replay-conf-backend-only';
      await store.insertTelemetry(orgA, makeBatch([makeSpan({ sessionId })]));
      const session = await store.getSession(orgA, sessionId);
      assert.equal(session?.hasReplay, false);
      assert.deepEqual(session?.urls, []);
      assert.deepEqual(await store.listReplayBatches(orgA, sessionId, { fromSeq: 0, limit: 10 }), []);
    });
  });
}
