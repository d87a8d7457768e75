import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { INVALID_SPAN_CONTEXT, TraceFlags } from '@opentelemetry/api';
import { appendServerTimingEntry, formatServerTimingEntry } from '../../src/middleware/server-timing.js';

const ENTRY = 'traceparent;desc="00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"';

describe('Server-Timing', () => {
  it('names the trace as a traceparent', () => {
    const spanContext = {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: TraceFlags.SAMPLED,
    };
    assert.equal(formatServerTimingEntry(spanContext), ENTRY);
    assert.match(formatServerTimingEntry({ ...spanContext, traceFlags: TraceFlags.NONE }) ?? '', /-00"$/);
    assert.equal(formatServerTimingEntry(INVALID_SPAN_CONTEXT), undefined);
    assert.equal(formatServerTimingEntry(undefined), undefined);
  });

  it("appends to the app's own timings, once", () => {
    assert.equal(appendServerTimingEntry(undefined, ENTRY), ENTRY);
    assert.equal(appendServerTimingEntry('db;dur=53', ENTRY), `db;dur=53, ${ENTRY}`);
    assert.equal(appendServerTimingEntry(`db;dur=53, ${ENTRY}`, ENTRY), `db;dur=53, ${ENTRY}`);
    assert.deepEqual(appendServerTimingEntry(['db;dur=53', 'cache;desc=hit'], ENTRY), [
      'db;dur=53',
      'cache;desc=hit',
      ENTRY,
    ]);
  });
});
