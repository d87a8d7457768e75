import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findInsights, T0 } from '../support/insight-analysis.js';
import { replayEvents as e } from '../support/replay-fixtures.js';

const performance = (timestamp: number, payload: Record<string, unknown>) =>
  e.custom(timestamp, 'sightline.performance', payload);

describe('slow frames', () => {
  it('finds long tasks and long animation frames over 200 ms, at their start', () => {
    const events = [
      performance(T0 + 900, { kind: 'long-animation-frame', value: 312, durationMs: 312, startMs: T0 + 500 }),
      performance(T0 + 2000, { kind: 'longtask', value: 250, durationMs: 250 }),
      performance(T0 + 3000, { kind: 'longtask', value: 200, durationMs: 200 }),
      performance(T0 + 4000, { kind: 'long-animation-frame', value: 120, durationMs: 120 }),
    ];
    assert.deepEqual(findInsights(events, 'slow-frame'), [
      { type: 'slow-frame', timeMs: T0 + 500, durationMs: 312, detail: 'long-animation-frame 312 ms' },
      { type: 'slow-frame', timeMs: T0 + 2000, durationMs: 250, detail: 'longtask 250 ms' },
    ]);
  });

  it('finds a poor INP or LCP, not a good or improvable one, nor a poor CLS', () => {
    const events = [
      performance(T0, { kind: 'INP', value: 640, rating: 'poor' }),
      performance(T0 + 1, { kind: 'LCP', value: 5200, rating: 'poor' }),
      performance(T0 + 2, { kind: 'INP', value: 350, rating: 'needs-improvement' }),
      performance(T0 + 3, { kind: 'LCP', value: 900, rating: 'good' }),
      performance(T0 + 4, { kind: 'CLS', value: 0.4, rating: 'poor' }),
    ];
    assert.deepEqual(
      findInsights(events, 'slow-frame').map((insight) => insight.detail),
      ['INP 640 ms (poor)', 'LCP 5200 ms (poor)'],
    );
  });
});
