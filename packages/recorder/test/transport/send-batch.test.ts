import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { compressGzip } from '../../src/transport/compress.js';
import { createFetchSender, parseRetryAfter, toSendResult } from '../../src/transport/send-batch.js';
import { makeBatch } from '../helpers/events.js';
import { createFakeClock } from '../helpers/fake-clock.js';

describe('fetch sender', () => {
  it('posts a gzip body, CORS-safelisted and without credentials', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const send = createFetchSender({
      url: 'https://s.example/v1/replay?key=k',
      fetch: async (url, init) => {
        calls.push({ url, init });
        return new Response('{}', { status: 200 });
      },
      clock: createFakeClock(42),
      compress: compressGzip,
      isPageHidden: () => true,
    });
    const result = await send(makeBatch({ seq: 7 }));
    assert.deepEqual(result, { status: 'success' });
    const [call] = calls;
    assert.ok(call);
    assert.equal(call.url, 'https://s.example/v1/replay?key=k');
    assert.equal(call.init.method, 'POST');
    assert.equal(call.init.mode, 'cors');
    assert.equal(call.init.credentials, 'omit');
    assert.deepEqual(call.init.headers, { 'Content-Type': 'text/plain;charset=UTF-8' });
    assert.equal(call.init.keepalive, true, 'small and hidden: keepalive');
    const body = Buffer.from(call.init.body as Uint8Array);
    assert.deepEqual([...body.subarray(0, 2)], [0x1f, 0x8b], 'gzip magic bytes');
    const batch = JSON.parse(gunzipSync(body).toString('utf8'));
    assert.equal(batch.seq, 7);
    assert.equal(batch.sentAtMs, 42);
  });

  it('sends plain JSON where CompressionStream is missing', async () => {
    const original = globalThis.CompressionStream;
    Reflect.deleteProperty(globalThis, 'CompressionStream');
    try {
      assert.equal(await compressGzip('{"v":1}'), '{"v":1}');
    } finally {
      globalThis.CompressionStream = original;
    }
  });

  it('treats a network error as retryable', async () => {
    const send = createFetchSender({
      url: 'https://s.example/v1/replay?key=k',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
      clock: createFakeClock(),
      compress: async (text) => text,
      isPageHidden: () => false,
    });
    const result = await send(makeBatch());
    assert.equal(result.status, 'retryable');
  });

  it('maps statuses to results', () => {
    const headers = (retryAfter?: string) => new Headers(retryAfter === undefined ? {} : { 'Retry-After': retryAfter });
    assert.equal(toSendResult({ status: 204, headers: headers() }, 0).status, 'success');
    assert.equal(toSendResult({ status: 400, headers: headers() }, 0).status, 'failure');
    assert.equal(toSendResult({ status: 401, headers: headers() }, 0).status, 'failure');
    assert.equal(toSendResult({ status: 413, headers: headers() }, 0).status, 'failure');
    assert.deepEqual(
      { ...toSendResult({ status: 503, headers: headers('3') }, 0), error: undefined },
      { status: 'retryable', retryAfterMs: 3000, error: undefined },
    );
    assert.equal(toSendResult({ status: 429, headers: headers() }, 0).status, 'retryable');
    assert.equal(toSendResult({ status: 408, headers: headers() }, 0).status, 'retryable');
  });

  it('reads Retry-After as seconds or a date', () => {
    assert.equal(parseRetryAfter('120', 0), 120_000);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')), 10_000);
    assert.equal(parseRetryAfter('soon', 0), undefined);
    assert.equal(parseRetryAfter(null, 0), undefined);
  });
});
