import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaptureContext, TriggerReason } from '../../../src/capture/capture.js';
import { recordFetch } from '../../../src/capture/network/record-fetch.js';
import { createRequestLog } from '../../../src/capture/network/request-log.js';
import { createResourceTimingMatcher } from '../../../src/capture/network/resource-timing.js';
import { propagateThroughFetch } from '../../../src/propagation/propagate-fetch.js';
import { compileUrlPatterns } from '../../../src/propagation/url-pattern.js';

const PAGE = 'https://shop.example/cart';
const SESSION = 'session-0123456789';

/** fetch recording under propagation, as captureNetwork stacks them, on a fake global whose fetch answers from `respond`. */
function setUp(respond: (request: Request) => Promise<Response>) {
  const events: Record<string, unknown>[] = [];
  const triggers: TriggerReason[] = [];
  const seen: Request[] = [];
  const context: CaptureContext = {
    emit: (_kind, payload) => events.push(payload),
    getSessionId: () => SESSION,
    trigger: (reason) => triggers.push(reason),
    reportInternalError: (error) => {
      throw error;
    },
  };
  const global = {
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      // Node has no page to resolve relative URLs against
      const request = input instanceof Request ? new Request(input, init) : new Request(new URL(input, PAGE), init);
      seen.push(request);
      return respond(request);
    }) as typeof fetch,
    location: { href: PAGE } as Location,
  };
  const ignore = compileUrlPatterns(['/v1/replay'], PAGE);
  // no timing entries in Node: records settle at once
  const timing = createResourceTimingMatcher({
    report: context.reportInternalError,
    onUnclaimedEntry() {},
    observe: () => undefined,
  });
  const log = createRequestLog(
    context,
    { ignore, captureBodiesFor: compileUrlPatterns(['/api/echo'], PAGE), scrubQueryValues: true, maxBodyLength: 8 },
    timing,
  );
  const stopRecording = recordFetch(log, 8, context.reportInternalError, global);
  const stopPropagation = propagateThroughFetch(
    context,
    { pageOrigin: 'https://shop.example', propagateTo: () => false, ignore },
    global,
  );
  const stop = () => {
    stopPropagation();
    stopRecording();
  };
  return { fetch: global.fetch, events, triggers, seen, stop };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('recordFetch', () => {
  it('records the request with the trace that went out', async () => {
    const { fetch, events, seen } = setUp(async () => new Response('ok', { status: 201 }));
    const response = await fetch('/api/orders?id=7', { method: 'post', body: 'hello' });
    assert.equal(await response.text(), 'ok');
    await settle();
    const traceparent = seen[0]?.headers.get('traceparent') ?? '';
    assert.equal(events.length, 1);
    assert.deepEqual(
      { ...events[0], startMs: 0, endMs: 0, durationMs: 0 },
      {
        method: 'POST',
        url: 'https://shop.example/api/orders?id=[redacted]',
        status: 201,
        startMs: 0,
        endMs: 0,
        durationMs: 0,
        requestBytes: 5,
        traceId: traceparent.split('-')[1],
        spanId: traceparent.split('-')[2],
        initiator: 'fetch',
      },
    );
  });

  it('reads an allow-listed response from a clone and leaves the body to the app', async () => {
    const { fetch, events } = setUp(
      async () =>
        new Response('{"items":[1,2,3]}', {
          headers: { 'content-type': 'application/json', 'set-cookie': 'sid=1', 'content-length': '17' },
        }),
    );
    const response = await fetch('/api/echo', { headers: { Authorization: 'Bearer secret' } });
    assert.deepEqual(await response.json(), { items: [1, 2, 3] });
    await settle();
    const [payload] = events;
    assert.equal(payload?.responseBody, '{"items…');
    assert.equal(payload?.responseBytes, 17);
    const requestHeaders = (payload?.requestHeaders ?? {}) as Record<string, string>;
    assert.equal(requestHeaders.authorization, '[redacted]');
    assert.equal(requestHeaders['x-session-id'], SESSION);
  });

  it('reads the body of a Request object without taking it from the request', async () => {
    const { fetch, events, seen } = setUp(async (request) => new Response(await request.text()));
    const response = await fetch(new Request('https://shop.example/api/echo', { method: 'PUT', body: 'abcdefghijk' }));
    assert.equal(await response.text(), 'abcdefghijk');
    assert.equal(seen[0]?.method, 'PUT');
    await settle();
    assert.equal(events[0]?.requestBody, 'abcdefg…');
  });

  it('passes a failure to the app unchanged, records it and triggers upload', async () => {
    const failure = new TypeError('Failed to fetch');
    const { fetch, events, triggers } = setUp(async () => {
      throw failure;
    });
    await assert.rejects(fetch('/api/cart'), (error) => error === failure);
    await settle();
    assert.equal(events[0]?.failed, true);
    assert.equal(events[0]?.failureReason, 'network error');
    assert.deepEqual(triggers, ['failed-request']);
  });

  it('triggers on a 5xx but not on an abort', async () => {
    const { fetch, triggers, events } = setUp(async (request) => {
      if (request.signal.aborted) throw new DOMException('aborted', 'AbortError');
      return new Response('down', { status: 503 });
    });
    await fetch('/api/cart');
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(fetch('/api/cart', { signal: controller.signal }));
    await settle();
    assert.deepEqual(
      events.map((event) => event.failureReason ?? event.status),
      [503, 'aborted'],
    );
    assert.deepEqual(triggers, ['failed-request']);
  });

  it('leaves the recorder’s own uploads alone', async () => {
    const { fetch, events, seen } = setUp(async () => new Response(null, { status: 204 }));
    await fetch('/v1/replay?key=k', { method: 'POST', body: 'batch' });
    await settle();
    assert.equal(events.length, 0);
    assert.equal(seen[0]?.headers.get('x-session-id'), null);
  });

  it('records nothing once stopped', async () => {
    const { fetch: patched, events, stop } = setUp(async () => new Response('ok'));
    stop();
    await patched('/api/cart');
    await settle();
    assert.equal(events.length, 0);
  });
});
