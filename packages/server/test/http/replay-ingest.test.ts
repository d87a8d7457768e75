import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, it } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { SessionDetail, SessionSummary } from '../../src/storage/store.js';
import { describeEachEngine } from '../support/describe-each-engine.js';
import {
  CHROME_MAC_UA,
  replayEvents as e,
  makeReplayBatch,
  postReplay,
  type TestReplayBatch,
} from '../support/replay-fixtures.js';
import { queryApi, startTestServer, type TestServer } from '../support/test-server.js';

const MAX_BATCH_BYTES = 64 * 1024;
const MAX_BODY_BYTES = 256 * 1024;
const T0 = Date.parse('2026-06-10T08:00:00Z');

await describeEachEngine('replay ingest: POST /v1/replay', (engine) => {
  let test: TestServer;
  before(async () => {
    test = await startTestServer(engine, { maxBodyBytes: MAX_BODY_BYTES, maxReplayBatchBytes: MAX_BATCH_BYTES });
  });
  after(async () => {
    await test?.dispose();
  });

  const post = (batch: TestReplayBatch | string | Buffer, options: Parameters<typeof postReplay>[2] = {}) =>
    postReplay(test.url, batch, { key: test.ingestKey, ...options });

  async function readStoredPayloads(sessionId: string): Promise<Buffer[]> {
    const orgId = test.server.defaultOrg.org.id;
    const batches = await test.server.store.listReplayBatches(orgId, sessionId, { fromSeq: 0, limit: 100 });
    return batches.map((batch) => batch.payload);
  }

  it('stores a gzip batch as it came and a plain one gzipped, answering only after commit', async () => {
    const sessionId = randomUUID();
    const gzipBatch = makeReplayBatch(sessionId, 0, [e.meta(T0, 'https://shop.example/'), e.fullSnapshot(T0)]);
    const sentGzip = gzipSync(JSON.stringify(gzipBatch));
    const first = await post(sentGzip);
    assert.equal(first.status, 200);
    assert.deepEqual(first.body, { stored: true });
    assert.equal(first.headers.get('access-control-allow-origin'), '*');
    assert.equal(first.headers.get('access-control-allow-credentials'), null);
    assert.equal(first.headers.get('access-control-expose-headers'), 'retry-after');

    const plainBatch = makeReplayBatch(sessionId, 1, [e.click(T0 + 1000)]);
    const second = await post(plainBatch, { gzip: false, headers: { 'content-type': 'application/json' } });
    assert.deepEqual(second.body, { stored: true });

    const [storedGzip, storedPlain] = await readStoredPayloads(sessionId);
    assert.ok(storedGzip?.equals(sentGzip), 'a gzip body is stored byte for byte');
    assert.deepEqual(JSON.parse(gunzipSync(storedPlain ?? Buffer.alloc(0)).toString()), plainBatch);
  });

  it('honours Content-Encoding: gzip and application/octet-stream', async () => {
    const sessionId = randomUUID();
    const result = await post(makeReplayBatch(sessionId, 0, [e.click(T0)]), {
      headers: { 'content-type': 'application/octet-stream', 'content-encoding': 'gzip' },
    });
    assert.deepEqual(result.body, { stored: true });
  });

  it("estimates how far the browser's clock is behind from its batches' sentAtMs, keeping the smallest", async () => {
    const sessionId = randomUUID();
    const behindMs = 120_000;
    // the second batch spent 3 s more in transit (a retry after an outage): it must not count
    const first = makeReplayBatch(sessionId, 0, [e.meta(T0, 'https://shop.example/')], {
      sentAtMs: Date.now() - behindMs - 3000,
    });
    const second = makeReplayBatch(sessionId, 1, [e.click(T0 + 10)], { sentAtMs: Date.now() - behindMs });
    assert.deepEqual((await post(second)).body, { stored: true });
    assert.deepEqual((await post(first)).body, { stored: true });
    const { body } = await queryApi<SessionSummary>(test, `/api/sessions/${sessionId}`);
    assert.ok(
      body.clockOffsetMs !== null && body.clockOffsetMs >= behindMs && body.clockOffsetMs < behindMs + 2500,
      `clockOffsetMs ${body.clockOffsetMs}`,
    );

    const withoutClock = randomUUID();
    const batch = makeReplayBatch(withoutClock, 0, [e.meta(T0, 'https://shop.example/')]);
    delete batch.sentAtMs;
    await post(batch);
    assert.equal((await queryApi<SessionSummary>(test, `/api/sessions/${withoutClock}`)).body.clockOffsetMs, null);
  });

  it('stores a batch sent twice once, and counts it once', async () => {
    const sessionId = randomUUID();
    const batch = makeReplayBatch(sessionId, 0, [e.meta(T0, 'https://shop.example/'), e.click(T0 + 10)]);
    assert.deepEqual((await post(batch)).body, { stored: true });
    assert.deepEqual((await post(batch)).body, { stored: false });
    assert.equal((await readStoredPayloads(sessionId)).length, 1);
    const session = await queryApi<SessionSummary>(test, `/api/sessions/${sessionId}`);
    assert.equal(session.body.clickCount, 1);
    assert.equal(session.body.eventCount, 2);
  });

  it('summarizes a realistic batch into the session', async () => {
    const sessionId = randomUUID();
    const previousSessionId = randomUUID();
    const batch = makeReplayBatch(
      sessionId,
      0,
      [
        e.meta(T0, 'https://shop.example/'),
        e.fullSnapshot(T0),
        e.custom(T0 + 5, 'sightline.navigation', { kind: 'load', from: '', to: 'https://shop.example/' }),
        e.mouseMove(T0 + 1000),
        e.click(T0 + 2000),
        e.custom(T0 + 2100, 'sightline.identify', { userId: 'user-42', traits: { plan: 'enterprise' } }),
        e.custom(T0 + 3000, 'sightline.navigation', {
          kind: 'pushState',
          from: 'https://shop.example/',
          to: 'https://shop.example/checkout',
        }),
        e.click(T0 + 4000),
        e.custom(T0 + 4100, 'sightline.network', { method: 'POST', url: '/api/checkout', status: 502 }),
        e.custom(T0 + 4200, 'sightline.error', { kind: 'error', message: 'Cannot read properties of undefined' }),
        e.custom(T0 + 4300, 'sightline.console', { level: 'error', args: ['checkout failed'] }),
      ],
      { previousSessionId },
    );
    assert.deepEqual((await post(batch, { headers: { 'user-agent': CHROME_MAC_UA } })).body, { stored: true });

    const { status, body } = await queryApi<SessionDetail>(test, `/api/sessions/${sessionId}`);
    assert.equal(status, 200);
    assert.deepEqual(
      // the batch was sent just now by this machine's clock: transit only
      { ...body, replayBytes: body.replayBytes > 0, clockOffsetMs: Math.abs(body.clockOffsetMs ?? 1e9) < 5000 },
      {
        sessionId,
        userId: 'user-42',
        startedAtMs: T0,
        endedAtMs: T0 + 4300,
        durationMs: 4300,
        spanCount: 0,
        logCount: 0,
        errorCount: 0,
        hasReplay: true,
        firstUrl: 'https://shop.example/',
        urls: ['https://shop.example/', 'https://shop.example/checkout'],
        pageCount: 2,
        activeMs: 3000,
        userTraits: { plan: 'enterprise' },
        userAgent: CHROME_MAC_UA,
        browser: 'Chrome',
        browserVersion: '124.0.0.0',
        os: 'Mac OS',
        deviceType: 'desktop',
        clickCount: 2,
        jsErrorCount: 1,
        consoleErrorCount: 1,
        failedRequestCount: 1,
        previousSessionId,
        replayBytes: true,
        eventCount: 11,
        // the second click started a request answered 502 within 1 s
        rageClickCount: 0,
        deadClickCount: 0,
        doubleSubmitCount: 0,
        errorClickCount: 1,
        slowFrameCount: 0,
        clockOffsetMs: true,
        insights: [{ type: 'error-click', timeMs: T0 + 4000, targetId: 5, detail: '502 POST /api/checkout' }],
      },
    );
  });

  it('masks a typed card number and email in what it stores and serves', async () => {
    const sessionId = randomUUID();
    const batch = makeReplayBatch(sessionId, 0, [
      e.meta(T0, 'https://shop.example/pay'),
      e.input(T0 + 100, '4111 1111 1111 1111'),
      e.input(T0 + 200, 'jane.doe@example.com', 8),
      e.input(T0 + 300, 'Jane Doe', 9),
    ]);
    assert.deepEqual((await post(batch)).body, { stored: true });

    const [stored] = await readStoredPayloads(sessionId);
    const storedText = gunzipSync(stored ?? Buffer.alloc(0)).toString();
    const served = await fetch(`${test.url}/api/sessions/${sessionId}/events`, {
      headers: { authorization: `Bearer ${test.adminToken}` },
    });
    const servedText = await served.text();
    for (const text of [storedText, servedText]) {
      assert.ok(!text.includes('4111'), 'no card digits');
      assert.ok(!text.includes('jane.doe@example.com') && !text.includes('example.com'), 'no email');
      assert.ok(text.includes('Jane Doe'), 'other input kept');
    }
    const inputs = (JSON.parse(servedText) as { events: { data: { text?: string } }[] }).events
      .map((event) => event.data.text)
      .filter((text) => text !== undefined);
    assert.deepEqual(inputs, ['*******************', '********************', 'Jane Doe']);
  });

  it('answers a CORS preflight for content-type without credentials', async () => {
    const response = await fetch(`${test.url}/v1/replay?key=${test.ingestKey}`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /content-type/);
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
  });

  it('takes keyless batches from loopback into the default org', async () => {
    const sessionId = randomUUID();
    const result = await postReplay(test.url, makeReplayBatch(sessionId, 0, [e.click(T0)]));
    assert.deepEqual(result.body, { stored: true });
    assert.equal((await queryApi(test, `/api/sessions/${sessionId}`)).status, 200);
  });

  const good = (sessionId: string) => makeReplayBatch(sessionId, 0, [e.meta(T0, 'https://shop.example/')]);
  const cases: {
    name: string;
    status: number;
    reason: RegExp;
    send: (sessionId: string) => ReturnType<typeof postReplay>;
  }[] = [
    {
      name: 'an unknown ingest key',
      status: 401,
      reason: /unknown ingest key/,
      send: (sessionId) => postReplay(test.url, good(sessionId), { key: 'sl_ingest_not-a-real-key' }),
    },
    {
      name: 'another batch version',
      status: 400,
      reason: /unsupported batch version 2/,
      send: (sessionId) => post({ ...good(sessionId), v: 2 }),
    },
    {
      name: 'an invalid session id',
      status: 400,
      reason: /invalid sessionId/,
      send: (sessionId) => post({ ...good(sessionId), sessionId: `${sessionId} OR 1=1` }),
    },
    {
      name: 'an invalid seq',
      status: 400,
      reason: /invalid seq/,
      send: (sessionId) => post({ ...good(sessionId), seq: -3 }),
    },
    {
      name: 'no events',
      status: 400,
      reason: /non-empty array/,
      send: (sessionId) => post({ ...good(sessionId), events: [] }),
    },
    {
      name: 'an event of the wrong shape',
      status: 400,
      reason: /events\[1\]\.timestamp/,
      send: (sessionId) => post({ ...good(sessionId), events: [e.click(T0), { type: 3, timestamp: Number.NaN }] }),
    },
    {
      name: 'a body that is not JSON',
      status: 400,
      reason: /not valid JSON/,
      send: (sessionId) => post(`${JSON.stringify(good(sessionId))}}`),
    },
    {
      name: 'corrupt gzip',
      status: 400,
      reason: /not valid gzip data/,
      send: () => post(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03])),
    },
    {
      name: 'a compressed body over the batch limit',
      status: 413,
      reason: /too large as sent/,
      send: (sessionId) => {
        // random text does not compress: the gzip stays over the limit
        const pad = randomBytes(MAX_BATCH_BYTES).toString('base64');
        return post(makeReplayBatch(sessionId, 0, [{ type: 5, timestamp: T0, data: { tag: 'x', payload: { pad } } }]));
      },
    },
    {
      name: 'a gzip bomb (small on the wire, huge once inflated)',
      status: 413,
      reason: /larger than 262144 bytes once decompressed/,
      send: (sessionId) => {
        const pad = ' '.repeat(8 * MAX_BODY_BYTES);
        return post(gzipSync(`{"v":1,"sessionId":"${sessionId}","seq":0,"events":[${pad}]}`));
      },
    },
    {
      name: 'an unsupported content type',
      status: 415,
      reason: /text\/plain, application\/json, application\/octet-stream/,
      send: (sessionId) => post(good(sessionId), { headers: { 'content-type': 'image/png' } }),
    },
  ];

  for (const bad of cases) {
    it(`refuses ${bad.name} with ${bad.status} and a reason, stores nothing, keeps serving`, async () => {
      const sessionId = randomUUID();
      const result = await bad.send(sessionId);
      assert.equal(result.status, bad.status, JSON.stringify(result.body));
      assert.match((result.body as { error: { message: string } }).error.message, bad.reason);
      assert.equal(result.headers.get('access-control-allow-origin'), '*');
      assert.equal((await queryApi(test, `/api/sessions/${sessionId}`)).status, 404);
      assert.deepEqual(await readStoredPayloads(sessionId), []);
      const health = await fetch(`${test.url}/healthz`);
      assert.equal(health.status, 200);
    });
  }
});
