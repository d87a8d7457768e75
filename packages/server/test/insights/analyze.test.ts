import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  analyzeInsights,
  type InsightAnalysis,
  MAX_CARRY_SIGNALS,
  parseInsightCarry,
} from '../../src/insights/analyze.js';
import { extractInsightSignals } from '../../src/insights/signals.js';
import { analyzeEvents, T0 } from '../support/insight-analysis.js';
import { replayEvents as e, type TestReplayEvent } from '../support/replay-fixtures.js';

/** Analyzes batches in order, each with the carry of the one before, as the store does. */
function analyzeBatches(...batches: TestReplayEvent[][]): InsightAnalysis[] {
  const results: InsightAnalysis[] = [];
  for (const events of batches) results.push(analyzeEvents(events, results.at(-1)?.carry));
  return results;
}

const types = (analysis: InsightAnalysis | undefined) => analysis?.added.map((insight) => insight.type) ?? [];

describe('analyzeInsights across batches', () => {
  it('joins a rage-click burst cut by a batch edge, and reports it once', () => {
    const [first, second] = analyzeBatches(
      [e.click(T0), e.click(T0 + 300)],
      [e.click(T0 + 500), e.domChange(T0 + 600), e.mouseMove(T0 + 8000)],
    );
    assert.deepEqual(types(first), []);
    assert.deepEqual(
      second?.added.filter((insight) => insight.type === 'rage-click'),
      [{ type: 'rage-click', timeMs: T0, targetId: 5, count: 3, durationMs: 500 }],
    );
  });

  it('updates a burst that grows in the next batch instead of counting it again', () => {
    const [first, second, third] = analyzeBatches(
      [e.click(T0), e.click(T0 + 100), e.click(T0 + 200)],
      [e.click(T0 + 300), e.click(T0 + 400), e.mouseMove(T0 + 9000)],
      [e.click(T0 + 20_000, 99, { x: 900, y: 900 }), e.mouseMove(T0 + 30_000)],
    );
    assert.deepEqual(types(first), ['rage-click']);
    assert.deepEqual(
      second?.added.filter((insight) => insight.type === 'rage-click'),
      [],
    );
    assert.deepEqual(second?.updated, [{ type: 'rage-click', timeMs: T0, targetId: 5, count: 5, durationMs: 400 }]);
    assert.deepEqual(third?.updated, []);
    assert.equal(third?.added.filter((insight) => insight.type === 'rage-click').length, 0);
  });

  it('decides a dead click at the end of a batch with the next one, once', () => {
    const [first, second, third] = analyzeBatches(
      [e.mouseMove(T0 - 1000), e.click(T0, 3)],
      [e.mouseMove(T0 + 7000)],
      [e.mouseMove(T0 + 20_000)],
    );
    assert.deepEqual(types(first), []);
    assert.deepEqual(second?.added, [{ type: 'dead-click', timeMs: T0, targetId: 3 }]);
    assert.deepEqual(types(third), []);
    assert.deepEqual(third?.carry.signals, []);
  });

  it('sees the answer to a click in the next batch: not dead', () => {
    const [, second] = analyzeBatches([e.click(T0)], [e.domChange(T0 + 400), e.mouseMove(T0 + 9000)]);
    assert.deepEqual(types(second), []);
  });

  it('finds an error click whose failing response is recorded in the next batch', () => {
    const trace = 'f'.repeat(32);
    const [first, second] = analyzeBatches(
      [e.click(T0, 4)],
      [e.request(T0 + 100, T0 + 2100, { status: 502, traceId: trace }), e.mouseMove(T0 + 9000)],
    );
    assert.deepEqual(types(first), []);
    const [errorClick] = second?.added.filter((insight) => insight.type === 'error-click') ?? [];
    assert.deepEqual(errorClick?.traceIds, [trace]);
  });

  it('finds a double submit whose second click is in the next batch', () => {
    const [first, second] = analyzeBatches(
      [e.click(T0, 42), e.request(T0 + 5, T0 + 90, { traceId: 'a'.repeat(32) })],
      [e.click(T0 + 200, 42), e.request(T0 + 205, T0 + 300, { traceId: 'b'.repeat(32) }), e.mouseMove(T0 + 9000)],
    );
    assert.deepEqual(types(first), []);
    const [found] = second?.added.filter((insight) => insight.type === 'double-submit') ?? [];
    assert.deepEqual(found?.traceIds, ['a'.repeat(32), 'b'.repeat(32)]);
  });

  it('keeps only what is undecided: the carry empties once every click is decided', () => {
    const [first, second] = analyzeBatches(
      [e.click(T0), e.domChange(T0 + 100), e.mouseMove(T0 + 7000), e.click(T0 + 7500)],
      [e.mouseMove(T0 + 20_000)],
    );
    assert.deepEqual(
      first?.carry.signals.map((signal) => signal.kind),
      ['click'],
    );
    assert.deepEqual(second?.carry.signals, []);
    assert.equal(second?.carry.coverageEndMs, T0 + 20_000);
  });

  it('keeps a mutation storm down to one signal per click', () => {
    const storm = Array.from({ length: 5000 }, (_, i) => e.domChange(T0 + 1 + i / 10));
    const signals = extractInsightSignals([e.click(T0), ...storm, e.click(T0 + 600), ...storm]).signals;
    assert.deepEqual(
      signals.map((signal) => signal.kind),
      ['click', 'dom', 'click', 'dom'],
    );
  });

  it('drops a carry grown past its cap rather than storing it', () => {
    const requests = Array.from({ length: MAX_CARRY_SIGNALS + 10 }, (_, i) => e.request(T0 + i, T0 + i + 1));
    const analysis = analyzeEvents([e.click(T0 - 1), ...requests]);
    assert.deepEqual(analysis.carry.signals, []);
  });

  it('reads a stored carry back, and an unknown or broken one as none', () => {
    const analysis = analyzeEvents([e.meta(T0, 'https://shop.example/'), e.click(T0 + 10)]);
    assert.deepEqual(parseInsightCarry(JSON.stringify(analysis.carry)), analysis.carry);
    assert.deepEqual(parseInsightCarry(analysis.carry), analysis.carry);
    for (const bad of [null, '{', '[]', { v: 2, signals: [], reported: {}, coverageEndMs: 1 }]) {
      assert.equal(parseInsightCarry(bad), undefined);
    }
  });

  it('leaves the signals it was given untouched', () => {
    const batch = extractInsightSignals([e.click(T0), e.mouseMove(T0 + 9000)]);
    const copy = structuredClone(batch);
    analyzeInsights(undefined, batch);
    assert.deepEqual(batch, copy);
  });
});
