import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildEntryPayload } from '../../../src/capture/network/entry-payload.js';
import { isFailedRequest } from '../../../src/capture/network/network-payload.js';
import { buildRequestPayload } from '../../../src/capture/network/request-payload.js';

const OURS = '00-11111111111111111111111111111111-2222222222222222-01';
const SERVER = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const timing = { startMs: 1_700_000_000_000, startPerf: 1000, endPerf: 1120.46 };
const options = { scrubQueryValues: true, capturesDetails: false, maxBodyLength: 10 };
const url = new URL('https://shop.example/api/cart?user=42#frag');

describe('buildRequestPayload', () => {
  it('records timing, scrubbed URL and the trace we sent', () => {
    const payload = buildRequestPayload(
      'fetch',
      url,
      timing,
      { method: 'post', status: 201, traceparent: OURS, requestBytes: 12, responseBytes: 34 },
      undefined,
      options,
    );
    assert.deepEqual(payload, {
      method: 'POST',
      url: 'https://shop.example/api/cart?user=[redacted]',
      status: 201,
      startMs: timing.startMs,
      endMs: timing.startMs + 120,
      durationMs: 120.5,
      requestBytes: 12,
      responseBytes: 34,
      traceId: '11111111111111111111111111111111',
      spanId: '2222222222222222',
      initiator: 'fetch',
    });
  });

  it('takes end of body, size and status from the resource timing entry', () => {
    const payload = buildRequestPayload(
      'beacon',
      url,
      timing,
      { method: 'POST', status: 0 },
      { responseEnd: 1300, responseStatus: 204, encodedBodySize: 0, serverTiming: [] },
      options,
    );
    assert.equal(payload.status, 204);
    assert.equal(payload.durationMs, 300);
    assert.equal(payload.endMs, timing.startMs + 300);
    assert.equal(payload.responseBytes, undefined);
  });

  it('falls back to the backend’s Server-Timing trace when we sent none', () => {
    const fromHeader = buildRequestPayload(
      'xhr',
      url,
      timing,
      { method: 'GET', status: 200, serverTiming: `traceparent;desc="${SERVER}"` },
      undefined,
      options,
    );
    assert.equal(fromHeader.traceId, '4bf92f3577b34da6a3ce929d0e0e4736');
    const fromEntry = buildRequestPayload(
      'xhr',
      url,
      timing,
      { method: 'GET', status: 200 },
      { responseEnd: 0, encodedBodySize: 10, serverTiming: [{ name: 'traceparent', description: SERVER }] },
      options,
    );
    assert.equal(fromEntry.spanId, '00f067aa0ba902b7');
    assert.equal(fromEntry.responseBytes, 10);
  });

  it('marks failures', () => {
    const payload = buildRequestPayload(
      'fetch',
      url,
      timing,
      { method: 'GET', status: 0, failureReason: 'network error' },
      undefined,
      options,
    );
    assert.equal(payload.failed, true);
    assert.equal(payload.failureReason, 'network error');
  });

  it('records headers and bodies only when allow-listed, redacted and capped', () => {
    const result = {
      method: 'POST',
      status: 200,
      requestHeaders: [['Authorization', 'Bearer x'] as const, ['X-App', '1'] as const],
      responseHeaders: [['set-cookie', 'sid=1'] as const],
      requestBody: 'short',
      responseBody: 'a response body longer than ten',
    };
    const hidden = buildRequestPayload('fetch', url, timing, result, undefined, options);
    assert.equal(hidden.requestHeaders, undefined);
    assert.equal(hidden.requestBody, undefined);
    assert.equal(hidden.responseBody, undefined);
    const shown = buildRequestPayload('fetch', url, timing, result, undefined, { ...options, capturesDetails: true });
    assert.deepEqual(shown.requestHeaders, { authorization: '[redacted]', 'x-app': '1' });
    assert.deepEqual(shown.responseHeaders, { 'set-cookie': '[redacted]' });
    assert.equal(shown.requestBody, 'short');
    assert.equal(shown.responseBody, 'a respons…');
  });
});

describe('buildEntryPayload', () => {
  it('links a document load to the trace in its Server-Timing header', () => {
    const payload = buildEntryPayload(
      {
        name: 'https://shop.example/checkout?order=7',
        startTime: 0,
        responseEnd: 250.25,
        responseStatus: 200,
        encodedBodySize: 5120,
        serverTiming: [{ name: 'traceparent', description: SERVER }],
      },
      'navigation',
      true,
      (time) => 1_700_000_000_000 + Math.round(time),
    );
    assert.deepEqual(payload, {
      method: 'GET',
      url: 'https://shop.example/checkout?order=[redacted]',
      status: 200,
      startMs: 1_700_000_000_000,
      endMs: 1_700_000_000_250,
      durationMs: 250.3,
      responseBytes: 5120,
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      initiator: 'navigation',
    });
  });

  it('returns undefined for an entry whose name is no URL', () => {
    assert.equal(
      buildEntryPayload({ name: 'x', startTime: 0, responseEnd: 0, encodedBodySize: 0 }, 'resource', true, (t) => t),
      undefined,
    );
  });
});

describe('isFailedRequest', () => {
  it('counts 5xx and failures, not 4xx nor the app’s own aborts', () => {
    assert.ok(isFailedRequest({ status: 503 }));
    assert.ok(isFailedRequest({ status: 0, failed: true, failureReason: 'network error' }));
    assert.ok(isFailedRequest({ status: 0, failed: true, failureReason: 'timeout' }));
    assert.ok(!isFailedRequest({ status: 0, failed: true, failureReason: 'aborted' }));
    assert.ok(!isFailedRequest({ status: 404 }));
    assert.ok(!isFailedRequest({ status: 0 }));
  });
});
