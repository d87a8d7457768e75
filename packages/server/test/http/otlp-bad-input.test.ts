import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { after, before, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { describeEachEngine } from '../support/describe-each-engine.js';
import { otlpTracesJson, postOtlp } from '../support/otlp-json.js';
import { queryApi, startTestServer, type TestServer } from '../support/test-server.js';

const SMALL_LIMIT = 256 * 1024;

await describeEachEngine('OTLP ingest refuses bad input with a reason and keeps serving', (engine) => {
  let test: TestServer;
  before(async () => {
    test = await startTestServer(engine, { maxBodyBytes: SMALL_LIMIT });
  });
  after(async () => {
    await test?.dispose();
  });

  async function countSessionSpans(sessionId: string): Promise<number> {
    const result = await queryApi<{ traces: { spanCount: number }[] }>(test, `/api/sessions/${sessionId}/traces`);
    return result.body.traces.reduce((sum, trace) => sum + trace.spanCount, 0);
  }

  const cases: {
    name: string;
    status: number;
    reason: RegExp;
    send: (sessionId: string) => Promise<{ status: number; text: string; headers: Headers }>;
  }[] = [
    {
      name: 'malformed JSON',
      status: 400,
      reason: /not valid JSON/,
      send: (sessionId) =>
        postOtlp(
          test.url,
          '/v1/traces',
          `${JSON.stringify(otlpTracesJson([{ attributes: { 'session.id': sessionId } }]))}}}`,
        ),
    },
    {
      name: 'a malformed protobuf body',
      status: 400,
      reason: /not a valid OTLP ExportTraceServiceRequest/,
      send: () =>
        postOtlp(test.url, '/v1/traces', Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]), {
          'content-type': 'application/x-protobuf',
        }),
    },
    {
      name: 'JSON of the wrong shape',
      status: 400,
      reason: /'resourceSpans' must be an array/,
      send: () => postOtlp(test.url, '/v1/traces', JSON.stringify({ resourceSpans: { oops: true } })),
    },
    {
      name: 'a body over the size limit',
      status: 413,
      reason: /too large/,
      send: (sessionId) => {
        const spans = Array.from({ length: 3000 }, () => ({
          attributes: { 'session.id': sessionId, pad: 'x'.repeat(100) },
        }));
        return postOtlp(test.url, '/v1/traces', JSON.stringify(otlpTracesJson(spans)));
      },
    },
    {
      name: 'a gzip bomb (small on the wire, huge once inflated)',
      status: 413,
      reason: /larger than 262144 bytes once decompressed/,
      send: () =>
        postOtlp(test.url, '/v1/traces', gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20)), {
          'content-encoding': 'gzip',
        }),
    },
    {
      name: 'corrupt gzip',
      status: 400,
      reason: /not valid gzip data/,
      send: () => postOtlp(test.url, '/v1/traces', Buffer.from('definitely not gzip'), { 'content-encoding': 'gzip' }),
    },
    {
      name: 'an unsupported content type',
      status: 415,
      reason: /application\/json or application\/x-protobuf/,
      send: () => postOtlp(test.url, '/v1/traces', 'hello', { 'content-type': 'text/plain' }),
    },
    {
      name: 'an unsupported content encoding',
      status: 415,
      reason: /unsupported Content-Encoding 'br'/,
      send: (sessionId) =>
        postOtlp(
          test.url,
          '/v1/traces',
          JSON.stringify(otlpTracesJson([{ attributes: { 'session.id': sessionId } }])),
          {
            'content-encoding': 'br',
          },
        ),
    },
    {
      name: 'an unknown ingest key',
      status: 401,
      reason: /unknown ingest key/,
      send: (sessionId) =>
        postOtlp(
          test.url,
          '/v1/traces',
          JSON.stringify(otlpTracesJson([{ attributes: { 'session.id': sessionId } }])),
          {
            'x-sightline-key': 'sl_ingest_not-a-real-key',
          },
        ),
    },
  ];

  for (const bad of cases) {
    it(`answers ${bad.status} to ${bad.name}, stores nothing, and keeps serving`, async () => {
      const sessionId = randomUUID();
      const response = await bad.send(sessionId);
      assert.equal(response.status, bad.status, response.text);
      // OTLP error bodies are a google.rpc.Status in the request's encoding
      const message = response.headers.get('content-type')?.includes('json')
        ? (JSON.parse(response.text) as { message: string }).message
        : response.text;
      assert.match(message, bad.reason);
      assert.equal(await countSessionSpans(sessionId), 0);

      const health = await fetch(`${test.url}/healthz`);
      assert.equal(health.status, 200);
      const good = await postOtlp(
        test.url,
        '/v1/traces',
        JSON.stringify(otlpTracesJson([{ attributes: { 'session.id': sessionId } }])),
      );
      assert.equal(good.status, 200, good.text);
      assert.equal(await countSessionSpans(sessionId), 1);
    });
  }

  it('stores the valid spans of a batch and reports the rejected ones as partial success', async () => {
    const sessionId = randomUUID();
    const body = otlpTracesJson([
      { attributes: { 'session.id': sessionId } },
      { traceId: 'not-hex', attributes: { 'session.id': sessionId } },
      { spanId: '0000000000000000', attributes: { 'session.id': sessionId } },
      { attributes: { 'session.id': sessionId } },
    ]);
    const response = await postOtlp(test.url, '/v1/traces', JSON.stringify(body));
    assert.equal(response.status, 200);
    const parsed = JSON.parse(response.text) as { partialSuccess: { rejectedSpans: string; errorMessage: string } };
    assert.equal(Number(parsed.partialSuccess.rejectedSpans), 2);
    assert.match(parsed.partialSuccess.errorMessage, /invalid traceId/);
    assert.match(parsed.partialSuccess.errorMessage, /invalid spanId/);
    assert.equal(await countSessionSpans(sessionId), 2);
  });

  it('reads the session from the span, the resource, or a captured x-session-id header, and ignores invalid ids', async () => {
    const fromResource = randomUUID();
    const fromHeader = randomUUID();
    const viaResource = otlpTracesJson([{ attributes: {} }], { 'service.name': 'web', 'session.id': fromResource });
    const viaHeader = otlpTracesJson([{ attributes: { 'http.request.header.x-session-id': [fromHeader] } }]);
    const invalid = otlpTracesJson([
      { name: 'invalid-session-span', attributes: { 'session.id': 'short' } },
      { attributes: { 'session.id': "x'; DROP TABLE spans; --" } },
    ]);
    for (const body of [viaResource, viaHeader, invalid]) {
      assert.equal((await postOtlp(test.url, '/v1/traces', JSON.stringify(body))).status, 200);
    }
    assert.equal(await countSessionSpans(fromResource), 1);
    assert.equal(await countSessionSpans(fromHeader), 1);
    const sessions = await queryApi<{ sessions: { sessionId: string }[] }>(test, '/api/sessions?limit=500');
    assert.ok(!sessions.body.sessions.some((session) => session.sessionId === 'short'));
    // the span itself is kept, just without a session
    const invalidTraceId = invalid.resourceSpans[0]?.scopeSpans[0]?.spans[0]?.traceId ?? '';
    const trace = await queryApi<{ sessionId: string | null; spans: { name: string }[] }>(
      test,
      `/api/traces/${invalidTraceId}`,
    );
    assert.equal(trace.status, 200);
    assert.equal(trace.body.sessionId, null);
    assert.equal(trace.body.spans[0]?.name, 'invalid-session-span');
  });

  it('accepts gzip-compressed OTLP', async () => {
    const sessionId = randomUUID();
    const body = gzipSync(JSON.stringify(otlpTracesJson([{ attributes: { 'session.id': sessionId } }])));
    const response = await postOtlp(test.url, '/v1/traces', body, { 'content-encoding': 'gzip' });
    assert.equal(response.status, 200, response.text);
    assert.equal(await countSessionSpans(sessionId), 1);
  });
});

await describeEachEngine('OTLP ingest under overload', (engine) => {
  let test: TestServer;
  before(async () => {
    test = await startTestServer(engine, { maxConcurrentIngests: 1 });
  });
  after(async () => {
    await test?.dispose();
  });

  it('answers 429 with Retry-After while the concurrent-ingest limit is reached, then accepts again', async () => {
    const { hostname, port } = new URL(test.url);
    // hold one ingest open: headers sent, body not finished
    const held = httpRequest({
      host: hostname,
      port,
      method: 'POST',
      path: '/v1/traces',
      headers: { 'content-type': 'application/json', 'content-length': '1000' },
    });
    held.on('error', () => undefined);
    held.write('{"resourceSpans":');
    await new Promise((resolve) => setTimeout(resolve, 100));

    const refused = await postOtlp(test.url, '/v1/traces', JSON.stringify(otlpTracesJson([{}])));
    assert.equal(refused.status, 429, refused.text);
    assert.equal(refused.headers.get('retry-after'), '1');
    assert.match(refused.text, /too many ingest requests/);

    held.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const accepted = await postOtlp(test.url, '/v1/traces', JSON.stringify(otlpTracesJson([{}])));
    assert.equal(accepted.status, 200, accepted.text);
  });
});
