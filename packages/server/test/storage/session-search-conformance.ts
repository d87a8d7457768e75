import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isSightlineError } from '../../src/errors.js';
import { extractInsightSignals } from '../../src/insights/signals.js';
import { SESSION_SORTS, type SessionFilters, type SessionSort } from '../../src/query/session-search.js';
import type { SessionReplayActivity, Store } from '../../src/storage/store.js';
import { replayEvents as e, makeReplayActivity, makeReplayRecord } from '../support/replay-fixtures.js';
import { makeBatch, makeSpan, randomTraceId } from '../support/telemetry-fixtures.js';
import type { StoreHarness } from './store-conformance.js';

const T = Date.parse('2026-07-01T08:00:00Z');
const SECOND = 1000;

/**
 * `Store.listSessions` as the search of `GET /api/sessions`, on every engine: each filter,
 * each sort, and keyset paging across pages for every sort.
 */
export function describeSessionSearchConformance(engine: string, openStore: () => Promise<StoreHarness>): void {
  describe(`Store session search conformance: ${engine}`, () => {
    let harness: StoreHarness;
    let store: Store;
    let org: number;
    let otherOrg: number;
    let tiesOrg: number;
    const traceOfBravo = randomTraceId();
    const traceOfDelta = randomTraceId();

    /** A replay-only session from `startMs` to `endMs`. */
    async function addReplaySession(
      orgId: number,
      sessionId: string,
      startMs: number,
      endMs: number,
      activity: Partial<SessionReplayActivity>,
    ): Promise<void> {
      const record = makeReplayRecord(sessionId, 0, { firstEventUs: startMs * 1000, lastEventUs: endMs * 1000 });
      await store.insertReplayBatch(orgId, record, makeReplayActivity(record, activity));
    }

    before(async () => {
      harness = await openStore();
      store = harness.store;
      org = (await store.createOrg('search-org')).id;
      otherOrg = (await store.createOrg('search-other-org')).id;
      tiesOrg = (await store.createOrg('search-ties-org')).id;

      await addReplaySession(org, 'search-alpha', T, T + 10 * SECOND, {
        userId: 'alice@shop.example',
        urls: ['https://shop.example/', 'https://shop.example/checkout?step=1'],
        browser: 'Chrome',
        jsErrorCount: 1,
        insightSignals: extractInsightSignals([
          e.click(T + 1000),
          e.domChange(T + 1010),
          e.click(T + 1200),
          e.domChange(T + 1210),
          e.click(T + 1400),
          e.domChange(T + 1410),
          e.mouseMove(T + 10 * SECOND),
        ]),
      });
      // bravo: backend errors on its trace, and a replay that started after its first span
      await store.insertTelemetry(
        org,
        makeBatch([
          makeSpan({
            sessionId: 'search-bravo',
            traceId: traceOfBravo,
            startUs: (T + 60 * SECOND) * 1000,
            endUs: (T + 61 * SECOND) * 1000,
            statusCode: 2,
          }),
          makeSpan({
            sessionId: 'search-bravo',
            traceId: traceOfBravo,
            startUs: (T + 119 * SECOND) * 1000,
            endUs: (T + 120 * SECOND) * 1000,
            statusCode: 2,
          }),
        ]),
      );
      await addReplaySession(org, 'search-bravo', T + 70 * SECOND, T + 80 * SECOND, {
        userId: 'alice2',
        urls: ['https://shop.example/cart'],
        browser: 'Firefox',
      });
      await addReplaySession(org, 'search-charlie', T + 120 * SECOND, T + 125 * SECOND, {
        userId: 'bob',
        urls: ['https://shop.example/100%_off'],
        browser: 'Mobile Safari',
        insightSignals: extractInsightSignals([
          e.custom(T + 121 * SECOND, 'sightline.performance', { kind: 'longtask', value: 900, durationMs: 900 }),
        ]),
      });
      await store.insertTelemetry(
        org,
        makeBatch([
          makeSpan({
            sessionId: 'search-delta',
            traceId: traceOfDelta,
            startUs: (T + 180 * SECOND) * 1000,
            endUs: (T + 300 * SECOND) * 1000,
          }),
        ]),
      );
      await addReplaySession(org, 'search-echo', T + 240 * SECOND, T + 270 * SECOND, {
        userId: 'alice',
        urls: ['https://SHOP.example/Checkout'],
        browser: 'Chrome',
      });
      await addReplaySession(otherOrg, 'search-other', T, T + 10 * SECOND, { userId: 'alice', browser: 'Chrome' });
      // sessions equal in every sort key but their id: only the tiebreak orders them
      for (let i = 0; i < 7; i++) {
        await addReplaySession(tiesOrg, `search-tie-${i}`, T, T + 10 * SECOND, { jsErrorCount: 1 });
      }
    });
    after(async () => {
      await harness?.dispose();
    });

    const search = async (filters: SessionFilters, sort?: SessionSort, orgId = org): Promise<string[]> => {
      const page = await store.listSessions(orgId, { limit: 100, filters, sort });
      return page.items.map((session) => session.sessionId.replace('search-', ''));
    };

    it('lists every session of the org, newest first, without a filter', async () => {
      assert.deepEqual(await search({}), ['echo', 'delta', 'charlie', 'bravo', 'alpha']);
      assert.deepEqual(await search({}, undefined, otherOrg), ['other']);
    });

    it('filters by user id prefix, case-sensitive; an exact id matches', async () => {
      assert.deepEqual(await search({ userPrefix: 'alice' }), ['echo', 'bravo', 'alpha']);
      assert.deepEqual(await search({ userPrefix: 'alice@' }), ['alpha']);
      assert.deepEqual(await search({ userPrefix: 'alice@shop.example' }), ['alpha']);
      assert.deepEqual(await search({ userPrefix: 'bob' }), ['charlie']);
      assert.deepEqual(await search({ userPrefix: 'Alice' }), []);
      assert.deepEqual(await search({ userPrefix: 'alicf' }), []);
    });

    it('filters by a substring of any visited URL, ignoring case, with % and _ taken literally', async () => {
      assert.deepEqual(await search({ urlContains: 'checkout' }), ['echo', 'alpha']);
      assert.deepEqual(await search({ urlContains: '/cart' }), ['bravo']);
      assert.deepEqual(await search({ urlContains: '100%_off' }), ['charlie']);
      assert.deepEqual(await search({ urlContains: '%' }), ['charlie']);
      assert.deepEqual(await search({ urlContains: 'shop_example' }), []);
    });

    it('filters by errors: backend or JavaScript', async () => {
      assert.deepEqual(await search({ hasError: true }), ['bravo', 'alpha']);
      assert.deepEqual(await search({ hasError: false }), ['echo', 'delta', 'charlie']);
    });

    it('filters by insight type', async () => {
      assert.deepEqual(await search({ insight: 'rage-click' }), ['alpha']);
      assert.deepEqual(await search({ insight: 'slow-frame' }), ['charlie']);
      assert.deepEqual(await search({ insight: 'dead-click' }), []);
    });

    it('filters by trace id: the sessions with a span of that trace', async () => {
      assert.deepEqual(await search({ traceId: traceOfBravo }), ['bravo']);
      assert.deepEqual(await search({ traceId: traceOfDelta }), ['delta']);
      assert.deepEqual(await search({ traceId: randomTraceId() }), []);
      assert.deepEqual(await search({ traceId: traceOfBravo }, undefined, otherOrg), []);
    });

    it('filters by time range: sessions overlapping it', async () => {
      assert.deepEqual(await search({ fromMs: T + 100 * SECOND, toMs: T + 130 * SECOND }), ['charlie', 'bravo']);
      assert.deepEqual(await search({ fromMs: T + 250 * SECOND }), ['echo', 'delta']);
      assert.deepEqual(await search({ toMs: T + 5 * SECOND }), ['alpha']);
      // both ends are inclusive
      assert.deepEqual(await search({ fromMs: T + 125 * SECOND, toMs: T + 125 * SECOND }), ['charlie']);
    });

    it('filters by duration', async () => {
      assert.deepEqual(await search({ minDurationMs: 30 * SECOND }), ['echo', 'delta', 'bravo']);
      assert.deepEqual(await search({ maxDurationMs: 10 * SECOND }), ['charlie', 'alpha']);
      assert.deepEqual(await search({ minDurationMs: 6 * SECOND, maxDurationMs: 10 * SECOND }), ['alpha']);
    });

    it('filters by browser name, ignoring case', async () => {
      assert.deepEqual(await search({ browser: 'chrome' }), ['echo', 'alpha']);
      assert.deepEqual(await search({ browser: 'MOBILE SAFARI' }), ['charlie']);
      assert.deepEqual(await search({ browser: 'Chrom' }), []);
    });

    it('combines filters with AND', async () => {
      assert.deepEqual(await search({ userPrefix: 'alice', hasError: true }), ['bravo', 'alpha']);
      assert.deepEqual(await search({ userPrefix: 'alice', browser: 'chrome', urlContains: 'checkout' }), [
        'echo',
        'alpha',
      ]);
    });

    it('sorts newest, oldest, longest and most errors (ties newest first)', async () => {
      assert.deepEqual(await search({}, 'newest'), ['echo', 'delta', 'charlie', 'bravo', 'alpha']);
      assert.deepEqual(await search({}, 'oldest'), ['alpha', 'bravo', 'charlie', 'delta', 'echo']);
      assert.deepEqual(await search({}, 'longest'), ['delta', 'bravo', 'echo', 'alpha', 'charlie']);
      assert.deepEqual(await search({}, 'most-errors'), ['bravo', 'alpha', 'echo', 'delta', 'charlie']);
    });

    for (const sort of SESSION_SORTS) {
      it(`pages sort '${sort}' with a cursor, without gaps or repeats, also through ties`, async () => {
        for (const orgId of [org, tiesOrg]) {
          const all = (await store.listSessions(orgId, { limit: 100, sort })).items.map((s) => s.sessionId);
          const paged: string[] = [];
          let cursor: string | undefined;
          do {
            const page = await store.listSessions(orgId, { limit: 2, sort, cursor });
            assert.ok(page.items.length <= 2);
            paged.push(...page.items.map((session) => session.sessionId));
            cursor = page.nextCursor ?? undefined;
          } while (cursor);
          assert.deepEqual(paged, all);
          assert.equal(new Set(paged).size, paged.length);
        }
      });
    }

    it('pages a filtered search', async () => {
      const first = await store.listSessions(org, { limit: 2, filters: { userPrefix: 'alice' }, sort: 'oldest' });
      assert.deepEqual(
        first.items.map((session) => session.sessionId),
        ['search-alpha', 'search-bravo'],
      );
      assert.ok(first.nextCursor);
      const second = await store.listSessions(org, {
        limit: 2,
        filters: { userPrefix: 'alice' },
        sort: 'oldest',
        cursor: first.nextCursor,
      });
      assert.deepEqual(
        second.items.map((session) => session.sessionId),
        ['search-echo'],
      );
      assert.equal(second.nextCursor, null);
    });

    it('refuses a cursor made for another sort, and one that is not a cursor', async () => {
      const page = await store.listSessions(org, { limit: 1, sort: 'longest' });
      assert.ok(page.nextCursor);
      await assert.rejects(
        store.listSessions(org, { limit: 1, sort: 'newest', cursor: page.nextCursor }),
        (error) => isSightlineError(error) && error.code === 'bad_request' && /sort 'longest'/.test(error.message),
      );
      for (const cursor of ['nope', Buffer.from('["newest","x","y"]').toString('base64url')]) {
        await assert.rejects(
          store.listSessions(org, { limit: 1, cursor }),
          (error) => isSightlineError(error) && error.code === 'bad_request' && /invalid cursor/.test(error.message),
        );
      }
    });

    it('returns the insight counts in the list', async () => {
      const [alpha] = (await store.listSessions(org, { limit: 1, filters: { insight: 'rage-click' } })).items;
      assert.equal(alpha?.rageClickCount, 1);
      assert.equal(alpha?.deadClickCount, 0);
    });
  });
}
