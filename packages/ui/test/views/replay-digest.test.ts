import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isSpanInFlight } from '../../src/panels/backend/spans-in-flight';
import { findInactivePeriods } from '../../src/player/inactive-periods';
import { createReplayDigester } from '../../src/views/session-replay/replay-digest';
import { replayOffsetOf } from '../../src/views/trace/replay-offset';
import { click, custom, fullSnapshot, input, meta, mouseMove, network, T0 } from '../fixtures/replay-events';

describe('replay digest', () => {
  test('builds markers and panel rows page by page, keeping state across pages', () => {
    const digester = createReplayDigester(T0 - 500);
    const first = digester.ingest([meta(T0, 'https://shop.example/'), fullSnapshot(T0), input(T0 + 1_000, 4, 'a')]);
    assert.equal(first.eventCount, 3);
    assert.equal(first.firstEventMs, T0);
    assert.equal(first.eventRows.length, 2);
    const second = digester.ingest([
      input(T0 + 1_500, 4, 'ab'),
      click(T0 + 2_000, 5),
      network(T0 + 3_000, { status: 500, startMs: T0 + 2_900 }),
      network(T0 + 2_800, { status: 200, startMs: T0 + 2_100 }),
      custom(T0 + 3_100, 'console', { level: 'error', args: ['boom'] }),
      custom(T0 + 3_200, 'error', { message: 'boom', name: 'Error' }),
    ]);
    // typing continued from the previous page: still one input row, now with the full value
    assert.deepEqual(
      second.eventRows.map((row) => [row.kind, row.detail]),
      [
        ['page', 'https://shop.example/'],
        ['input', 'button#pay "Pay now" ← "ab"'],
        ['click', 'button#pay "Pay now"'],
      ],
    );
    assert.deepEqual(
      second.networkRows.map((row) => row.timeMs),
      [2_600, 3_400],
    );
    assert.equal(second.consoleRows.length, 2);
    assert.deepEqual(
      second.markers.map((marker) => marker.kind),
      ['navigation', 'click', 'failed-request', 'error'],
    );
    assert.equal(second.lastEventMs, T0 + 3_200);
    assert.notEqual(first.eventRows, second.eventRows);
  });

  test('user inputs, errors and navigations count as activity for skipping', () => {
    const digester = createReplayDigester(T0);
    const digest = digester.ingest([
      meta(T0, 'https://shop.example/'),
      fullSnapshot(T0),
      mouseMove(T0 + 1_000),
      network(T0 + 30_000, {}),
      custom(T0 + 40_000, 'error', { message: 'late' }),
    ]);
    assert.deepEqual(digest.activityMs, [1_000, 40_000]);
    assert.deepEqual(findInactivePeriods(digest.activityMs, 0, 41_000), [{ startMs: 2_000, endMs: 39_000 }]);
  });

  test('the replay moment of a span is its start minus the session start, rounded up so the span is running', () => {
    assert.equal(replayOffsetOf({ startTimeMs: T0 + 61_234.6 }, T0), 61_235);
    const span = { startTimeMs: T0 + 61_234.4, endTimeMs: T0 + 61_300 };
    const t = replayOffsetOf(span, T0);
    assert.equal(t, 61_235);
    assert.equal(isSpanInFlight(span, T0 + t), true, 'lit at the moment the link opens');
    assert.equal(replayOffsetOf({ startTimeMs: T0 - 10 }, T0), 0);
  });
});
