import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findInsights, T0 } from '../support/insight-analysis.js';
import { replayEvents as e } from '../support/replay-fixtures.js';

describe('rage clicks', () => {
  it('finds 3 clicks on one spot within 1 s: one finding at the first click, with count and length', () => {
    const found = findInsights([e.click(T0, 7), e.click(T0 + 250, 7), e.click(T0 + 600, 7)], 'rage-click');
    assert.deepEqual(found, [{ type: 'rage-click', timeMs: T0, targetId: 7, count: 3, durationMs: 600 }]);
  });

  it('finds nothing in 2 clicks', () => {
    assert.deepEqual(findInsights([e.click(T0), e.click(T0 + 200), e.mouseMove(T0 + 5000)], 'rage-click'), []);
  });

  it('finds nothing when the 3 clicks take longer than 1 s, and finds the burst once a 4th tightens it', () => {
    const slow = [e.click(T0), e.click(T0 + 600), e.click(T0 + 1200)];
    assert.deepEqual(findInsights([...slow, e.mouseMove(T0 + 5000)], 'rage-click'), []);
    const found = findInsights([...slow, e.click(T0 + 1500), e.mouseMove(T0 + 5000)], 'rage-click');
    assert.deepEqual(found, [{ type: 'rage-click', timeMs: T0, targetId: 5, count: 4, durationMs: 1500 }]);
  });

  it('counts a long burst as one finding', () => {
    const clicks = Array.from({ length: 6 }, (_, i) => e.click(T0 + i * 150));
    const found = findInsights(clicks, 'rage-click');
    assert.equal(found.length, 1);
    assert.equal(found[0]?.count, 6);
  });

  it('needs one spot: clicks 100 px apart are not a burst, clicks 20 px apart on other nodes are', () => {
    const apart = [0, 1, 2].map((i) => e.click(T0 + i * 200, 5, { x: 100 * i, y: 300 }));
    assert.deepEqual(findInsights(apart, 'rage-click'), []);
    const near = [0, 1, 2].map((i) => e.click(T0 + i * 200, 5 + i, { x: 300 + 10 * i, y: 300 }));
    assert.equal(findInsights(near, 'rage-click').length, 1);
  });

  it('falls back to the same node when clicks have no coordinates', () => {
    const bare = (timestamp: number, id: number) => ({ type: 3, data: { source: 2, type: 2, id }, timestamp });
    assert.equal(findInsights([bare(T0, 3), bare(T0 + 100, 3), bare(T0 + 200, 3)], 'rage-click').length, 1);
    assert.deepEqual(findInsights([bare(T0, 3), bare(T0 + 100, 4), bare(T0 + 200, 3)], 'rage-click'), []);
  });

  it('counts two bursts separated by a pause twice', () => {
    const burst = (start: number) => [e.click(start), e.click(start + 100), e.click(start + 200)];
    const found = findInsights([...burst(T0), ...burst(T0 + 3000), e.mouseMove(T0 + 9000)], 'rage-click');
    assert.deepEqual(
      found.map((insight) => insight.timeMs),
      [T0, T0 + 3000],
    );
  });
});
