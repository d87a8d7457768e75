import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildBackendRows } from '../../src/panels/backend/backend-rows';
import { isSpanInFlight } from '../../src/panels/backend/spans-in-flight';
import { backendSessionStartMs, toSessionOffset } from '../../src/timeline/session-time';
import { replayOffsetOf } from '../../src/views/trace/replay-offset';
import { span, T0, trace } from '../fixtures/replay-events';

describe('backend times on a replay recorded with a wrong clock', () => {
  test('an offset of a second or more moves the session start onto the backend clock', () => {
    assert.equal(backendSessionStartMs({ startedAtMs: T0, clockOffsetMs: 120_000 }), T0 + 120_000);
    assert.equal(backendSessionStartMs({ startedAtMs: T0, clockOffsetMs: -5_000 }), T0 - 5_000);
  });

  test('transit-sized offsets, and none at all, leave it as it is', () => {
    assert.equal(backendSessionStartMs({ startedAtMs: T0, clockOffsetMs: 180 }), T0);
    assert.equal(backendSessionStartMs({ startedAtMs: T0, clockOffsetMs: null }), T0);
    assert.equal(backendSessionStartMs({ startedAtMs: T0 }), T0);
  });

  test("a span the server timed 2 minutes 'later' sits at its moment of the replay", () => {
    // the user's clock is 2 minutes behind: the click at replay 0:10 caused a span the
    // server stamped at T0 + 2:10
    const start = backendSessionStartMs({ startedAtMs: T0, clockOffsetMs: 120_000 });
    const checkout = span({ spanId: 'a1', startTimeMs: T0 + 130_000, endTimeMs: T0 + 130_400 });
    assert.equal(toSessionOffset(checkout.startTimeMs, start), 10_000);
    assert.equal(replayOffsetOf(checkout, start), 10_000);
    const rows = buildBackendRows([trace('t1', [checkout])], start);
    assert.deepEqual(
      rows.map((row) => row.timeMs),
      [10_000, 10_000],
    );
    // in flight at replay 0:10.2, the moment the player's clock reads it
    assert.equal(isSpanInFlight(checkout, start + 10_200), true);
  });
});
