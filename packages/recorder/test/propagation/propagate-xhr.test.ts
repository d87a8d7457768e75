import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaptureContext } from '../../src/capture/capture.js';
import { propagateThroughXhr } from '../../src/propagation/propagate-xhr.js';
import { parseTraceparent } from '../../src/propagation/traceparent.js';
import { compileUrlPatterns } from '../../src/propagation/url-pattern.js';

const SESSION = 'session-0123456789';
const PAGE = 'https://shop.example/cart';

/** Just enough of XMLHttpRequest: the header list combines repeats with ", " like the real one. */
class FakeXhr {
  readyState = 0;
  headers = new Map<string, string>();
  sent = false;
  open(_method: string, _url: string) {
    this.readyState = 1;
    this.headers = new Map();
    this.sent = false;
  }
  setRequestHeader(name: string, value: string) {
    if (this.readyState !== 1 || this.sent) throw new Error('InvalidStateError');
    const key = name.toLowerCase();
    const earlier = this.headers.get(key);
    this.headers.set(key, earlier === undefined ? value : `${earlier}, ${value}`);
  }
  send(_body?: unknown) {
    this.sent = true;
  }
}

function setUp() {
  const XMLHttpRequest = class extends FakeXhr {};
  const prototype = XMLHttpRequest.prototype;
  const originals = { open: prototype.open, setRequestHeader: prototype.setRequestHeader, send: prototype.send };
  const context: CaptureContext = {
    emit() {},
    getSessionId: () => SESSION,
    trigger() {},
    reportInternalError: (error) => {
      throw error;
    },
  };
  const stop = propagateThroughXhr(
    context,
    {
      pageOrigin: 'https://shop.example',
      propagateTo: compileUrlPatterns(['https://api.shop.example'], PAGE),
      ignore: compileUrlPatterns(['/v1/replay'], PAGE),
    },
    {
      XMLHttpRequest: XMLHttpRequest as unknown as typeof globalThis.XMLHttpRequest,
      location: { href: PAGE } as Location,
    },
  );
  const request = (url: string, headers: [string, string][] = []) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [name, value] of headers) xhr.setRequestHeader(name, value);
    xhr.send('body');
    return xhr.headers;
  };
  return { request, stop, prototype, originals };
}

describe('propagateThroughXhr', () => {
  it('adds the headers at send to same-origin and allow-listed requests', () => {
    const { request } = setUp();
    for (const url of ['/api/cart', 'https://api.shop.example/orders']) {
      const headers = request(url, [['Content-Type', 'application/json']]);
      assert.equal(headers.get('x-session-id'), SESSION);
      assert.equal(headers.get('baggage'), `session.id=${SESSION}`);
      assert.ok(parseTraceparent(headers.get('traceparent')));
      assert.equal(headers.get('content-type'), 'application/json');
    }
  });

  it('adds nothing to third-party and ignored requests', () => {
    const { request } = setUp();
    assert.deepEqual([...request('https://thirdparty.example/collect').keys()], []);
    assert.deepEqual([...request('/v1/replay?key=k').keys()], []);
  });

  it('does not duplicate headers the app set itself', () => {
    const { request } = setUp();
    const theirs = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const headers = request('/api', [
      ['X-Session-ID', 'manual'],
      ['traceparent', theirs],
    ]);
    assert.equal(headers.get('x-session-id'), 'manual');
    assert.equal(headers.get('traceparent'), theirs);
  });

  it('sends one baggage header merging the app’s members with ours', () => {
    const { request } = setUp();
    const headers = request('/api', [
      ['baggage', 'tenant=acme'],
      ['baggage', 'session.id=stale, plan=pro'],
    ]);
    assert.equal(headers.get('baggage'), `tenant=acme,plan=pro,session.id=${SESSION}`);
  });

  it('keeps the app’s baggage as is on third-party requests', () => {
    const { request } = setUp();
    assert.equal(request('https://thirdparty.example/', [['baggage', 'a=1']]).get('baggage'), 'a=1');
  });

  it('puts the original methods back on stop', () => {
    const { stop, prototype, originals, request } = setUp();
    stop();
    assert.equal(prototype.open, originals.open);
    assert.equal(prototype.setRequestHeader, originals.setRequestHeader);
    assert.equal(prototype.send, originals.send);
    assert.deepEqual([...request('/api').keys()], []);
  });
});
