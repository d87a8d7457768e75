import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildBackendRows, toLogRows } from '../../src/panels/backend/backend-rows';
import { serviceColorSlot } from '../../src/panels/backend/service-color';
import { findTracesInFlight, isSpanInFlight } from '../../src/panels/backend/spans-in-flight';
import { layoutWaterfall } from '../../src/panels/backend/waterfall-layout';
import { span, T0, trace } from '../fixtures/replay-events';

describe('waterfall layout', () => {
  const root = span({ spanId: 'r', name: 'POST /api/checkout', startTimeMs: T0, endTimeMs: T0 + 100, durationMs: 100 });
  const db = span({
    spanId: 'd',
    parentSpanId: 'r',
    name: 'INSERT orders',
    startTimeMs: T0 + 50,
    endTimeMs: T0 + 90,
    durationMs: 40,
  });
  const auth = span({
    spanId: 'a',
    parentSpanId: 'r',
    name: 'auth',
    startTimeMs: T0 + 5,
    endTimeMs: T0 + 15,
    durationMs: 10,
  });
  const orphan = span({
    spanId: 'o',
    parentSpanId: 'missing',
    name: 'payment-service',
    startTimeMs: T0 + 60,
    endTimeMs: T0 + 80,
    durationMs: 20,
  });

  test('children under their parent, siblings by start time, bars on the trace axis', () => {
    const layout = layoutWaterfall([db, orphan, root, auth]);
    assert.deepEqual(
      layout.rows.map((row) => [row.span.spanId, row.depth, row.offsetMs, row.left, row.width]),
      [
        ['r', 0, 0, 0, 100],
        ['a', 1, 5, 5, 10],
        ['d', 1, 50, 50, 40],
        ['o', 0, 60, 60, 20],
      ],
    );
    assert.equal(layout.startMs, T0);
    assert.equal(layout.endMs, T0 + 100);
  });

  test('a zero-length span still gets a visible bar; cycles and self-parents cannot loop', () => {
    const instant = span({ spanId: 'i', parentSpanId: 'r', startTimeMs: T0 + 100, endTimeMs: T0 + 100, durationMs: 0 });
    const layout = layoutWaterfall([root, instant]);
    assert.ok((layout.rows[1]?.width ?? 0) > 0);
    assert.ok((layout.rows[1]?.left ?? 0) + (layout.rows[1]?.width ?? 0) <= 100.0001);
    const a = span({ spanId: 'x', parentSpanId: 'y' });
    const b = span({ spanId: 'y', parentSpanId: 'x' });
    const self = span({ spanId: 'z', parentSpanId: 'z' });
    assert.deepEqual(
      layoutWaterfall([a, b, self])
        .rows.map((row) => row.span.spanId)
        .sort(),
      ['x', 'y', 'z'],
    );
    assert.deepEqual(layoutWaterfall([]).rows, []);
  });
});

describe('spans in flight', () => {
  test('a span is in flight from its start until its end; instants stay lit briefly', () => {
    const running = span({ spanId: 's', startTimeMs: T0, endTimeMs: T0 + 100 });
    assert.equal(isSpanInFlight(running, T0 - 1), false);
    assert.equal(isSpanInFlight(running, T0), true);
    assert.equal(isSpanInFlight(running, T0 + 99), true);
    assert.equal(isSpanInFlight(running, T0 + 100), false);
    const instant = span({ spanId: 'i', startTimeMs: T0, endTimeMs: T0 });
    assert.equal(isSpanInFlight(instant, T0 + 20), true);
  });

  test('traces with a running span at a moment', () => {
    const first = trace('1'.repeat(32), [span({ spanId: 'a', startTimeMs: T0, endTimeMs: T0 + 100 })]);
    const second = trace('2'.repeat(32), [span({ spanId: 'b', startTimeMs: T0 + 80, endTimeMs: T0 + 300 })]);
    assert.deepEqual([...findTracesInFlight([first, second], T0 + 90)], ['1'.repeat(32), '2'.repeat(32)]);
    assert.deepEqual([...findTracesInFlight([first, second], T0 + 200)], ['2'.repeat(32)]);
    assert.deepEqual([...findTracesInFlight([first, second], T0 + 400)], []);
  });
});

describe('backend rows', () => {
  test('a header per trace in start order, its spans after it, on the session clock', () => {
    const late = trace('2'.repeat(32), [
      span({ spanId: 'b', name: 'GET /late', startTimeMs: T0 + 5_000, endTimeMs: T0 + 5_010 }),
    ]);
    const early = trace('1'.repeat(32), [
      span({ spanId: 'a', name: 'GET /early', startTimeMs: T0 + 1_000, endTimeMs: T0 + 1_050 }),
      span({ spanId: 'c', parentSpanId: 'a', name: 'db', startTimeMs: T0 + 1_010, endTimeMs: T0 + 1_020 }),
    ]);
    const rows = buildBackendRows([late, early], T0);
    assert.deepEqual(
      rows.map((row) => [row.type, row.timeMs, row.type === 'span' ? row.row.span.name : row.trace.name]),
      [
        ['trace', 1_000, 'GET /early'],
        ['span', 1_000, 'GET /early'],
        ['span', 1_010, 'db'],
        ['trace', 5_000, 'GET /late'],
        ['span', 5_000, 'GET /late'],
      ],
    );
    assert.equal(buildBackendRows([late, early], T0, new Set(['1'.repeat(32)])).length, 3);
  });

  test('logs on the session clock, in time order, with a severity name when the text is missing', () => {
    const rows = toLogRows(
      [
        {
          timeMs: T0 + 20,
          observedTimeMs: T0 + 20,
          severityNumber: 17,
          severity: null,
          body: 'order insert failed',
          traceId: 'a'.repeat(32),
          spanId: null,
          serviceName: 'checkout-api',
          sessionId: 's',
          attributes: {},
          resource: {},
        },
        {
          timeMs: T0 + 10,
          observedTimeMs: T0 + 10,
          severityNumber: 9,
          severity: 'INFO',
          body: null,
          traceId: null,
          spanId: null,
          serviceName: null,
          sessionId: 's',
          attributes: {},
          resource: {},
        },
      ],
      T0,
    );
    assert.deepEqual(
      rows.map((row) => [row.timeMs, row.severity, row.body]),
      [
        [10, 'INFO', ''],
        [20, 'ERROR', 'order insert failed'],
      ],
    );
  });

  test('a service keeps its colour slot', () => {
    assert.equal(serviceColorSlot('checkout-api'), serviceColorSlot('checkout-api'));
    assert.equal(serviceColorSlot(null), 0);
    assert.ok(serviceColorSlot('inventory') >= 0 && serviceColorSlot('inventory') < 8);
  });
});
