import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MAX_SESSION_URLS } from '../../src/storage/internal/merge-replay-lists.js';
import type { Store } from '../../src/storage/store.js';
import { makeReplayActivity, makeReplayRecord } from '../support/replay-fixtures.js';
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
