import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { extractInsightSignals } from '../../src/insights/signals.js';
import { MAX_SESSION_INSIGHTS } from '../../src/storage/internal/merge-insights.js';
import type { ReplayBatchRecord, SessionReplayActivity, Store } from '../../src/storage/store.js';
import {
  replayEvents as e,
  makeReplayActivity,
  makeReplayRecord,
  type TestReplayEvent,
} from '../support/replay-fixtures.js';
import type { StoreHarness } from './store-conformance.js';

/**
 * The insight half of the replay contract, on every engine: findings decided in the
 * batch's transaction with the carry of the batch before, counted once whatever the
 * arrival order or concurrency, and settled when no batch comes.
 */
export function describeReplayInsightConformance(engine: string, openStore: () => Promise<StoreHarness>): void {
  describe(`Store replay insight conformance: ${engine}`, () => {
    let harness: StoreHarness;
    let store: Store;
    let orgA: number;
    let orgB: number;

    before(async () => {
      harness = await openStore();
      store = harness.store;
      orgA = (await store.createOrg('insight-org-a')).id;
      orgB = (await store.createOrg('insight-org-b')).id;
    });
    after(async () => {
      await harness?.dispose();
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
  });
}
