import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type InsightCarry, settleInsights } from '../../src/insights/analyze.js';
import { analyzeEvents, T0 } from '../support/insight-analysis.js';
import { replayEvents as e } from '../support/replay-fixtures.js';

/** The recorder's marker for the page being left (closed, reloaded, a link followed). */
const leave = (timeMs: number) =>
  e.custom(timeMs, 'sightline.navigation', { kind: 'pagehide', from: 'https://shop.test/checkout', to: '' });

const types = (found: { type: string }[]) => found.map((insight) => insight.type).sort();

describe('insights at the end of a recording', () => {
  it('a click the page was left right after is answered, and decided in the same batch', () => {
    const analysis = analyzeEvents([e.click(T0, 12), leave(T0 + 400)]);
    assert.deepEqual(analysis.added, []);
    assert.deepEqual(analysis.carry.signals, [], 'nothing waits for a batch that will not come');
  });

  it('a click left unanswered for 1.5 s before the page is left is dead, decided at once', () => {
    const analysis = analyzeEvents([e.click(T0, 12), e.mouseMove(T0 + 1_000), leave(T0 + 2_500)]);
    assert.deepEqual(analysis.added, [{ type: 'dead-click', timeMs: T0, targetId: 12 }]);
    assert.deepEqual(analysis.carry.signals, []);
  });

  it('a rage burst and an error click just before leaving are reported and closed', () => {
    const analysis = analyzeEvents([
      e.click(T0, 7, { x: 10, y: 10 }),
      e.click(T0 + 150, 7, { x: 11, y: 10 }),
      e.click(T0 + 300, 7, { x: 12, y: 11 }),
      e.custom(T0 + 350, 'sightline.error', { kind: 'error', message: 'boom' }),
      leave(T0 + 600),
    ]);
    assert.deepEqual(types(analysis.added), ['error-click', 'rage-click']);
    assert.deepEqual(analysis.carry.signals, []);
  });

  it('clicks after the page comes back from the back/forward cache still wait for their window', () => {
    const analysis = analyzeEvents([
      e.click(T0, 3),
      leave(T0 + 200),
      e.click(T0 + 10_000, 4),
      e.mouseMove(T0 + 10_100),
    ]);
    assert.deepEqual(analysis.added, []);
    assert.equal(analysis.carry.signals[0]?.kind, 'click', 'the later click is carried');
    assert.equal(analysis.carry.signals[0]?.timeMs, T0 + 10_000);
  });

  it('settling decides what an idle recording left open: a click followed by nothing is dead', () => {
    const open = analyzeEvents([e.click(T0, 12), e.mouseMove(T0 + 300)]);
    assert.deepEqual(open.added, [], 'the batch alone cannot tell yet');
    const settled = settleInsights(open.carry);
    assert.deepEqual(settled.added, [{ type: 'dead-click', timeMs: T0, targetId: 12 }]);
    assert.deepEqual(settled.carry.signals, []);
  });

  it('settling keeps findings reported earlier as they were, and reports nothing twice', () => {
    const open = analyzeEvents([
      e.click(T0, 7, { x: 5, y: 5 }),
      e.click(T0 + 100, 7, { x: 5, y: 5 }),
      e.click(T0 + 200, 7, { x: 5, y: 5 }),
      e.domChange(T0 + 250),
    ]);
    assert.deepEqual(types(open.added), ['rage-click'], 'an open burst is reported as it stands');
    const settled = settleInsights(open.carry);
    assert.deepEqual(settled.added, []);
    assert.deepEqual(settled.updated, []);
    assert.deepEqual(settled.carry.signals, []);
  });

  it('settling a carry without clicks finds nothing', () => {
    const carry: InsightCarry = { v: 1, signals: [], reported: {}, coverageEndMs: T0 };
    assert.deepEqual(settleInsights(carry).added, []);
  });
});
