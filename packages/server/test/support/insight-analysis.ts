import { analyzeInsights, type InsightAnalysis, type InsightCarry } from '../../src/insights/analyze.js';
import type { InsightType, SessionInsight } from '../../src/insights/insight.js';
import { extractInsightSignals } from '../../src/insights/signals.js';
import type { TestReplayEvent } from './replay-fixtures.js';

/** 2026-06-01T12:00:00Z: the handcrafted sequences of the insight tests start here. */
export const T0 = Date.parse('2026-06-01T12:00:00Z');

/** Analyzes events as one batch (after `carry`, when given), as the store does. */
export function analyzeEvents(events: TestReplayEvent[], carry?: InsightCarry): InsightAnalysis {
  return analyzeInsights(carry, extractInsightSignals(events));
}

/** The findings of one type that `events`, read alone, decide. */
export function findInsights(events: TestReplayEvent[], type: InsightType): SessionInsight[] {
  return analyzeEvents(events).added.filter((insight) => insight.type === type);
}
