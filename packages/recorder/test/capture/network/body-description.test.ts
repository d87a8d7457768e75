import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeBody, isTextualContentType } from '../../../src/capture/network/body-description.js';
import { describeFetchFailure } from '../../../src/capture/network/failure-reason.js';

describe('describeBody', () => {
  it('measures text bodies in UTF-8 bytes', () => {
    assert.deepEqual(describeBody('héllo'), { text: 'héllo', bytes: 6 });
    assert.deepEqual(describeBody(new URLSearchParams({ q: 'a b' })), { text: 'q=a+b', bytes: 5 });
  });

  it('describes binary bodies instead of decoding them', () => {
    assert.deepEqual(describeBody(new Blob(['abc'], { type: 'image/png' })), {
      text: '[Blob 3 bytes image/png]',
      bytes: 3,
    });
    assert.deepEqual(describeBody(new Uint8Array(4)), { text: '[binary 4 bytes]', bytes: 4 });
    assert.deepEqual(describeBody(new ArrayBuffer(2)), { text: '[binary 2 bytes]', bytes: 2 });
    assert.deepEqual(describeBody(new ReadableStream()), { text: '[stream]' });
  });

  it('lists form fields, files by name and size', () => {
    const form = new FormData();
    form.append('name', 'Ada');
    form.append('avatar', new File(['12345'], 'me.png'));
    assert.deepEqual(describeBody(form), { text: 'name=Ada&avatar=[File me.png 5 bytes]' });
  });

  it('knows nothing about a missing body', () => {
    assert.deepEqual(describeBody(undefined), {});
    assert.deepEqual(describeBody(null), {});
  });
});

describe('isTextualContentType', () => {
  it('reads text, JSON, XML and forms; not images or octet streams', () => {
    for (const type of [
      'text/html; charset=utf-8',
      'application/json',
      'application/problem+json',
      'image/svg+xml',
      null,
    ]) {
      assert.ok(isTextualContentType(type), String(type));
    }
    for (const type of ['image/png', 'application/octet-stream', 'application/pdf']) {
      assert.ok(!isTextualContentType(type), type);
    }
  });
});

describe('describeFetchFailure', () => {
  it('names aborts, timeouts and network errors', () => {
    assert.equal(describeFetchFailure(new DOMException('The user aborted a request.', 'AbortError')), 'aborted');
    assert.equal(describeFetchFailure(new DOMException('signal timed out', 'TimeoutError')), 'timeout');
    assert.equal(describeFetchFailure(new TypeError('Failed to fetch')), 'network error');
    assert.equal(describeFetchFailure(new Error('blocked by policy')), 'blocked by policy');
    assert.equal(describeFetchFailure('weird'), 'weird');
  });

  it('asks the signal first: abort(reason) rejects with the reason itself', () => {
    const controller = new AbortController();
    controller.abort({ custom: true });
    assert.equal(describeFetchFailure({ custom: true }, controller.signal), 'aborted');
    const timeout = new AbortController();
    timeout.abort(new DOMException('timed out', 'TimeoutError'));
    assert.equal(describeFetchFailure(timeout.signal.reason, timeout.signal), 'timeout');
  });
});
