import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, it } from 'node:test';
import type { SessionDetail, SessionSummary } from '../../src/storage/store.js';
import { describeEachEngine } from '../support/describe-each-engine.js';
import { CHROME_MAC_UA, replayEvents as e, makeReplayBatch, postReplay } from '../support/replay-fixtures.js';
import { makeBatch, makeSpan, randomTraceId } from '../support/telemetry-fixtures.js';
import { queryApi, startTestServer, type TestServer } from '../support/test-server.js';

const T0 = Date.parse('2026-06-20T09:00:00Z');
const TRACE_A = randomTraceId();
const TRACE_B = randomTraceId();

interface SessionPage {
  sessions: SessionSummary[];
  nextCursor: string | null;
}

await describeEachEngine('session search and insights: GET /api/sessions', (engine) => {
  let test: TestServer;
  const checkout = randomUUID();
  const browsing = randomUUID();

  before(async () => {
    test = await startTestServer(engine);
    const post = async (batch: ReturnType<typeof makeReplayBatch>) => {
      const result = await postReplay(test.url, batch, {
        key: test.ingestKey,
        headers: { 'user-agent': CHROME_MAC_UA },
      });
      assert.deepEqual(result.body, { stored: true });
    };
    // the article's race: "Place order" double-clicked, each click sending its POST; the
    // second click and its request arrive in the next batch
    await post(
      makeReplayBatch(checkout, 0, [
        e.meta(T0, 'https://shop.example/checkout'),
        e.custom(T0 + 1, 'sightline.identify', { userId: 'customer-17', traits: {} }),
        e.click(T0 + 1000, 42),
        e.request(T0 + 1005, T0 + 1090, { traceId: TRACE_A }),
      ]),
    );
    await post(
      makeReplayBatch(checkout, 1, [
        e.click(T0 + 1150, 42),
        e.request(T0 + 1155, T0 + 1400, { traceId: TRACE_B, status: 500 }),
        e.domChange(T0 + 1450),
        e.mouseMove(T0 + 9000),
      ]),
    );
    await post(
      makeReplayBatch(browsing, 0, [
        e.meta(T0 + 60_000, 'https://shop.example/'),
        e.custom(T0 + 60_001, 'sightline.identify', { userId: 'customer-170', traits: {} }),
        e.mouseMove(T0 + 65_000),
      ]),
    );
    await test.server.store.insertTelemetry(
      test.server.defaultOrg.org.id,
      makeBatch([makeSpan({ sessionId: checkout, traceId: TRACE_B, startUs: (T0 + 1160) * 1000, statusCode: 2 })]),
    );
  });
  after(async () => {
    await test?.dispose();
  });

  const list = (query: string) => queryApi<SessionPage>(test, `/api/sessions?${query}`);
  const ids = (page: SessionPage) => page.sessions.map((session) => session.sessionId);

  it('finds the double submit across two batches, with both trace ids, on the session', async () => {
    const { status, body } = await queryApi<SessionDetail>(test, `/api/sessions/${checkout}`);
    assert.equal(status, 200);
    const doubleSubmit = body.insights.find((insight) => insight.type === 'double-submit');
    assert.deepEqual(doubleSubmit, {
      type: 'double-submit',
      timeMs: T0 + 1000,
      targetId: 42,
      count: 2,
      durationMs: 150,
      traceIds: [TRACE_A, TRACE_B],
      detail: 'POST https://shop.example/api/orders',
    });
    assert.equal(body.doubleSubmitCount, 1);
    // the second click's request answered 500 within 1 s
    assert.equal(body.errorClickCount, 1);
  });

  it('filters by insight and returns counts, not the findings, in the list', async () => {
    const { status, body } = await list('insight=double-submit');
    assert.equal(status, 200);
    assert.deepEqual(ids(body), [checkout]);
    assert.equal(body.sessions[0]?.doubleSubmitCount, 1);
    assert.equal('insights' in (body.sessions[0] ?? {}), false);
  });

  it('reads every filter from the query string', async () => {
    assert.deepEqual(ids((await list('user=customer-17')).body), [browsing, checkout]);
    assert.deepEqual(ids((await list('user=customer-170')).body), [browsing]);
    assert.deepEqual(ids((await list('url=CHECKOUT')).body), [checkout]);
    assert.deepEqual(ids((await list('hasError=true')).body), [checkout]);
    assert.deepEqual(ids((await list('hasError=1')).body), [checkout]);
    assert.deepEqual(ids((await list(`traceId=${TRACE_B.toUpperCase()}`)).body), [checkout]);
    assert.deepEqual(ids((await list(`from=${new Date(T0 + 30_000).toISOString()}`)).body), [browsing]);
    assert.deepEqual(ids((await list(`to=${T0 + 30_000}`)).body), [checkout]);
    assert.deepEqual(ids((await list('minDurationMs=6000')).body), [checkout]);
    assert.deepEqual(ids((await list('maxDurationMs=6000&minDurationMs=0')).body), [browsing]);
    assert.deepEqual(ids((await list('browser=chrome&sort=oldest')).body), [checkout, browsing]);
    assert.deepEqual(ids((await list('sort=longest')).body), [checkout, browsing]);
    assert.deepEqual(ids((await list('sort=most-errors&user=&url=')).body), [checkout, browsing]);
  });

  it('pages with the cursor of the same sort, and refuses one from another sort', async () => {
    const first = await list('sort=oldest&limit=1');
    assert.deepEqual(ids(first.body), [checkout]);
    assert.ok(first.body.nextCursor);
    const second = await list(`sort=oldest&limit=1&cursor=${first.body.nextCursor}`);
    assert.deepEqual(ids(second.body), [browsing]);
    assert.equal(second.body.nextCursor, null);

    const mixed = await queryApi<{ error: { code: string; message: string } }>(
      test,
      `/api/sessions?sort=newest&cursor=${first.body.nextCursor}`,
    );
    assert.equal(mixed.status, 400);
    assert.match(mixed.body.error.message, /cursor is for sort 'oldest', not 'newest'/);
  });

  const refusals: [string, RegExp][] = [
    ['hasError=maybe', /hasError must be true or false \(actual: 'maybe'\)/],
    ['insight=angry-click', /insight must be one of rage-click, dead-click, double-submit, error-click, slow-frame/],
    ['traceId=xyz', /traceId must be 32 hex characters \(actual: 'xyz'\)/],
    ['from=yesterday', /from must be Unix milliseconds or an ISO 8601 date/],
    ['from=2026-02-01&to=2026-01-01', /from \(2026-02-01\) must not be after to \(2026-01-01\)/],
    ['minDurationMs=-1', /minDurationMs must be a number of milliseconds from 0/],
    ['minDurationMs=10&maxDurationMs=5', /minDurationMs \(10\) must not be greater than maxDurationMs \(5\)/],
    ['sort=-durationMs', /sort must be one of newest, oldest, longest, most-errors \(actual: '-durationMs'\)/],
    ['limit=0', /limit must be an integer from 1 to 500/],
    ['cursor=nope', /invalid cursor 'nope'/],
    ['user=a&user=b', /give 'user' once/],
    [`user=${'u'.repeat(257)}`, /user must be at most 256 characters/],
  ];
  for (const [query, message] of refusals) {
    it(`answers 400 for ${query.slice(0, 40)}, saying what is wrong`, async () => {
      const { status, body } = await queryApi<{ error: { code: string; message: string } }>(
        test,
        `/api/sessions?${query}`,
      );
      assert.equal(status, 400);
      assert.equal(body.error.code, 'bad_request');
      assert.match(body.error.message, message);
    });
  }
});
