import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findServerTimingTraceparent, parseServerTimingHeader } from '../../../src/capture/network/server-timing.js';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const TRACE = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', flags: '01' };

describe('findServerTimingTraceparent', () => {
  it('finds the traceparent metric among others (browser entries come unquoted)', () => {
    const metrics = [
      { name: 'db', description: '' },
      { name: 'traceparent', description: TRACEPARENT },
    ];
    assert.deepEqual(findServerTimingTraceparent(metrics), TRACE);
  });

  it('skips an invalid traceparent and finds a later valid one', () => {
    const metrics = [
      { name: 'Traceparent', description: 'garbage' },
      { name: 'traceparent', description: TRACEPARENT },
    ];
    assert.deepEqual(findServerTimingTraceparent(metrics), TRACE);
  });

  it('returns undefined when there is none', () => {
    assert.equal(findServerTimingTraceparent([]), undefined);
    assert.equal(findServerTimingTraceparent(undefined), undefined);
    assert.equal(findServerTimingTraceparent([{ name: 'cache', description: TRACEPARENT }]), undefined);
  });
});

describe('parseServerTimingHeader', () => {
  it('parses quoted and unquoted descriptions next to other metrics', () => {
    assert.deepEqual(parseServerTimingHeader(`db;dur=53, traceparent;desc="${TRACEPARENT}", cache;desc=hit;dur=1`), [
      { name: 'db', description: '' },
      { name: 'traceparent', description: TRACEPARENT },
      { name: 'cache', description: 'hit' },
    ]);
    assert.deepEqual(findServerTimingTraceparent(parseServerTimingHeader(`traceparent;desc=${TRACEPARENT}`)), TRACE);
  });

  it('keeps commas and semicolons inside quotes', () => {
    assert.deepEqual(parseServerTimingHeader('note;desc="a, b; c"'), [{ name: 'note', description: 'a, b; c' }]);
  });

  it('returns nothing for an empty header', () => {
    assert.deepEqual(parseServerTimingHeader(null), []);
    assert.deepEqual(parseServerTimingHeader(''), []);
  });
});
