import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaptureContext } from '../../src/capture/capture.js';
import { addPropagationHeaders, propagateThroughFetch } from '../../src/propagation/propagate-fetch.js';
import { planPropagationHeaders } from '../../src/propagation/propagation-headers.js';
import { parseTraceparent } from '../../src/propagation/traceparent.js';
import { compileUrlPatterns } from '../../src/propagation/url-pattern.js';

const SESSION = 'session-0123456789';

describe('planPropagationHeaders', () => {
  it('adds all three headers when the app set none', () => {
    const headers = new Map(planPropagationHeaders(() => null, SESSION));
    assert.equal(headers.get('X-Session-ID'), SESSION);
    assert.equal(headers.get('baggage'), `session.id=${SESSION}`);
    assert.ok(parseTraceparent(headers.get('traceparent')));
  });

  it('keeps the app’s own session header and traceparent, and merges its baggage to match', () => {
    const existing: Record<string, string> = {
      'x-session-id': 'manual',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      baggage: 'tenant=acme',
    };
    const headers = planPropagationHeaders((name) => existing[name.toLowerCase()] ?? null, SESSION);
    assert.deepEqual(headers, [['baggage', 'tenant=acme,session.id=manual']]);
  });

  it('still starts a trace when there is no session id yet', () => {
    const headers = planPropagationHeaders(() => null, '');
    assert.deepEqual(
      headers.map(([name]) => name),
      ['traceparent'],
    );
  });
});

describe('addPropagationHeaders', () => {
  const headerOf = (args: Parameters<typeof fetch>, name: string) => new Headers(args[1]?.headers).get(name);

  it('accepts headers as an object, an array or a Headers, and leaves the app’s untouched', () => {
    const asObject = { 'Content-Type': 'application/json' };
    const asArray: [string, string][] = [['content-type', 'application/json']];
    const asHeaders = new Headers(asObject);
    for (const headers of [asObject, asArray, asHeaders]) {
      const init = { method: 'POST', headers, body: '{}' };
      const sent = addPropagationHeaders(['/api/cart', init], SESSION);
      assert.equal(headerOf(sent, 'content-type'), 'application/json');
      assert.equal(headerOf(sent, 'x-session-id'), SESSION);
      assert.ok(parseTraceparent(headerOf(sent, 'traceparent')));
      assert.equal(sent[1]?.method, 'POST');
      assert.equal(sent[1]?.body, '{}');
      assert.equal(init.headers, headers);
    }
    assert.equal(asHeaders.get('x-session-id'), null);
    assert.deepEqual(Object.keys(asObject), ['Content-Type']);
  });

  it('keeps a Request’s method, body, signal and credentials', async () => {
    const controller = new AbortController();
    const request = new Request('https://shop.example/api/order', {
      method: 'PUT',
      body: 'payload',
      headers: { 'X-App': 'one' },
      signal: controller.signal,
      credentials: 'include',
    });
    const [input, init] = addPropagationHeaders([request], SESSION);
    const sent = new Request(input, init);
    assert.equal(sent.method, 'PUT');
    assert.equal(sent.credentials, 'include');
    assert.equal(sent.headers.get('x-app'), 'one');
    assert.equal(sent.headers.get('x-session-id'), SESSION);
    assert.equal(await sent.text(), 'payload');
    controller.abort();
    assert.ok(sent.signal.aborted);
    assert.equal(request.headers.get('x-session-id'), null);
  });

  it('lets init.headers replace a Request’s headers, as fetch does', () => {
    const request = new Request('https://shop.example/', { headers: { 'X-From-Request': '1' } });
    const sent = addPropagationHeaders([request, { headers: { 'X-From-Init': '1' } }], SESSION);
    assert.equal(headerOf(sent, 'x-from-request'), null);
    assert.equal(headerOf(sent, 'x-from-init'), '1');
  });

  it('accepts a null init', () => {
    const sent = addPropagationHeaders(['/api', null as unknown as RequestInit], SESSION);
    assert.equal(headerOf(sent, 'x-session-id'), SESSION);
  });
});

describe('propagateThroughFetch', () => {
  function setUp(propagateTo: string[] = ['https://api.shop.example']) {
    const calls: Parameters<typeof fetch>[] = [];
    const errors: unknown[] = [];
    const original = async (...args: Parameters<typeof fetch>) => {
      calls.push(args);
      return new Response('ok');
    };
    const global = { fetch: original as typeof fetch, location: { href: 'https://shop.example/cart' } as Location };
    const context: CaptureContext = {
      emit() {},
      getSessionId: () => SESSION,
      trigger() {},
      reportInternalError: (error) => errors.push(error),
    };
    const stop = propagateThroughFetch(
      context,
      {
        pageOrigin: 'https://shop.example',
        propagateTo: compileUrlPatterns(propagateTo, global.location.href),
        ignore: compileUrlPatterns(['https://shop.example/v1/replay'], global.location.href),
      },
      global,
    );
    return { global, calls, errors, stop, original };
  }
  const sentHeader = (args: Parameters<typeof fetch> | undefined, name: string) =>
    args ? new Headers(args[1]?.headers).get(name) : undefined;

  it('adds the headers to same-origin and allow-listed requests only', async () => {
    const { global, calls } = setUp();
    await global.fetch('/api/cart');
    await global.fetch(new URL('https://api.shop.example/orders'));
    await global.fetch('https://thirdparty.example/pixel', { headers: { 'X-App': '1' } });
    assert.equal(sentHeader(calls[0], 'x-session-id'), SESSION);
    assert.equal(sentHeader(calls[1], 'x-session-id'), SESSION);
    assert.equal(calls[2]?.[1]?.headers && new Headers(calls[2][1].headers).get('x-session-id'), null);
    assert.deepEqual(calls[2]?.[1], { headers: { 'X-App': '1' } });
  });

  it('passes ignored URLs through exactly as given', async () => {
    const { global, calls } = setUp();
    const init = { method: 'POST', body: 'batch' };
    await global.fetch('https://shop.example/v1/replay?key=k', init);
    assert.equal(calls[0]?.[1], init);
  });

  it('sends a different trace with every request', async () => {
    const { global, calls } = setUp();
    await global.fetch('/a');
    await global.fetch('/a');
    assert.notEqual(sentHeader(calls[0], 'traceparent'), sentHeader(calls[1], 'traceparent'));
  });

  it('falls back to the app’s arguments when ours cannot be built', async () => {
    const { global, calls, errors } = setUp();
    const badHeaders = { 'bad header': 'x' };
    await global.fetch('/api', { headers: badHeaders });
    assert.equal(calls[0]?.[1]?.headers, badHeaders);
    assert.equal(errors.length, 1);
  });

  it('restores the original on stop, or becomes a pass-through when wrapped since', async () => {
    const first = setUp();
    first.stop();
    assert.equal(first.global.fetch, first.original);

    const second = setUp();
    const ours = second.global.fetch;
    const theirs = ((...args: Parameters<typeof fetch>) => ours(...args)) as typeof fetch;
    second.global.fetch = theirs;
    second.stop();
    assert.equal(second.global.fetch, theirs);
    await second.global.fetch('/api');
    assert.equal(sentHeader(second.calls[0], 'x-session-id'), null);
  });
});
