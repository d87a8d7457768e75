import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseContentLength, parseRawHeaders, redactHeaders } from '../../../src/capture/network/redact-headers.js';

describe('redactHeaders', () => {
  it('always redacts credentials, whatever the case', () => {
    assert.deepEqual(
      redactHeaders([
        ['Authorization', 'Bearer secret'],
        ['Cookie', 'sid=1'],
        ['set-cookie', 'sid=2'],
        ['Set-Cookie', 'other=3'],
        ['Proxy-Authorization', 'Basic x'],
        ['X-Sightline-Key', 'sl_ingest_1'],
        ['Content-Type', 'application/json'],
      ]),
      {
        authorization: '[redacted]',
        cookie: '[redacted]',
        'set-cookie': '[redacted]',
        'proxy-authorization': '[redacted]',
        'x-sightline-key': '[redacted]',
        'content-type': 'application/json',
      },
    );
  });

  it('joins repeated headers', () => {
    assert.deepEqual(
      redactHeaders([
        ['Accept', 'text/html'],
        ['accept', 'application/json'],
      ]),
      { accept: 'text/html, application/json' },
    );
  });
});

describe('parseRawHeaders', () => {
  it('reads getAllResponseHeaders output, values containing colons included', () => {
    assert.deepEqual(parseRawHeaders('content-type: text/plain\r\ndate: Tue, 01 Jan 2030 10:00:00 GMT\r\n'), [
      ['content-type', 'text/plain'],
      ['date', 'Tue, 01 Jan 2030 10:00:00 GMT'],
    ]);
    assert.deepEqual(parseRawHeaders(''), []);
  });
});

describe('parseContentLength', () => {
  it('accepts digits only', () => {
    assert.equal(parseContentLength('1234'), 1234);
    assert.equal(parseContentLength(' 0 '), 0);
    assert.equal(parseContentLength('12, 12'), undefined);
    assert.equal(parseContentLength('-1'), undefined);
    assert.equal(parseContentLength(null), undefined);
  });
});
