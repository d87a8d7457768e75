import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRandomId, createTraceContext, parseTraceparent } from '../../src/propagation/traceparent.js';

describe('createTraceContext', () => {
  it('formats a sampled version-00 traceparent from fresh ids', () => {
    const context = createTraceContext();
    assert.match(context.traceparent, /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    assert.equal(context.traceparent, `00-${context.traceId}-${context.spanId}-01`);
    assert.deepEqual(parseTraceparent(context.traceparent), {
      traceId: context.traceId,
      spanId: context.spanId,
      flags: '01',
    });
  });

  it('gives every request its own trace', () => {
    const traceIds = new Set(Array.from({ length: 200 }, () => createTraceContext().traceId));
    assert.equal(traceIds.size, 200);
  });

  it('draws again when the random source returns all zeros', () => {
    let calls = 0;
    const id = createRandomId(16, (bytes) => {
      calls++;
      if (calls > 1) bytes.fill(0xab);
      else bytes.fill(0);
      return bytes;
    });
    assert.equal(id, 'ab'.repeat(16));
    assert.equal(calls, 2);
  });

  it('never returns an all-zero id, even from a broken source', () => {
    const id = createRandomId(8, (bytes) => bytes.fill(0));
    assert.equal(id, '0000000000000001');
    assert.ok(parseTraceparent(`00-${'1'.repeat(32)}-${id}-01`));
  });
});

describe('parseTraceparent', () => {
  const valid = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

  it('reads the W3C example', () => {
    assert.deepEqual(parseTraceparent(valid), {
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      flags: '01',
    });
  });

  it('tolerates surrounding whitespace', () => {
    assert.ok(parseTraceparent(` ${valid} `));
  });

  for (const [why, value] of [
    ['all-zero trace id', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`],
    ['all-zero span id', `00-4bf92f3577b34da6a3ce929d0e0e4736-${'0'.repeat(16)}-01`],
    ['uppercase hex', valid.toUpperCase()],
    ['version ff', valid.replace(/^00/, 'ff')],
    ['extra field on version 00', `${valid}-extra`],
    ['short trace id', '00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01'],
    ['empty', ''],
  ] as const) {
    it(`rejects ${why}`, () => {
      assert.equal(parseTraceparent(value), undefined);
    });
  }

  it('accepts a future version with more fields', () => {
    assert.ok(parseTraceparent(valid.replace(/^00/, '01').concat('-future')));
  });

  it('returns undefined for null and undefined', () => {
    assert.equal(parseTraceparent(null), undefined);
    assert.equal(parseTraceparent(undefined), undefined);
  });
});
