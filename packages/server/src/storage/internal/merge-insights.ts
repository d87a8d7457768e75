import {
  analyzeInsights,
  type InsightAnalysis,
  type InsightCarry,
  parseInsightCarry,
  settleInsights,
} from '../../insights/analyze.js';
import { getInsightKey, type InsightType, type SessionInsight } from '../../insights/insight.js';
import type { BatchInsightSignals } from '../../insights/signals.js';
import { readJson } from './row-mappers.js';

/** A session lists its first 500 findings by time; the counters go on counting past them. */
export const MAX_SESSION_INSIGHTS = 500;

/** The session columns the insight merge reads, as stored. */
export interface StoredInsightState {
  insight_carry: unknown;
  insight_carry_seq: number | null;
}

export type InsightCounts = Record<InsightType, number>;

/** What to write back; a null column keeps its stored value. */
export interface InsightMerge {
  /** The new list as JSON, or null when no finding was added or changed. */
  insightsJson: string | null;
  /** Findings to add to each counter. */
  counts: InsightCounts;
  carryJson: string | null;
  carrySeq: number | null;
  /**
   * Whether the kept carry still holds clicks waiting to be decided (1) or not (0), which
   * sets `insight_open_us`; null when the carry is not replaced (a batch read out of order).
   */
  carryOpen: 0 | 1 | null;
}

type AnalysisToMerge = InsightAnalysis & Pick<InsightMerge, 'carryJson' | 'carrySeq' | 'carryOpen'>;

/**
 * Runs insight detection for a batch inside its transaction, with the session row locked
 * (SQLite's one writer, PostgreSQL's `FOR UPDATE`): the same code for both engines, so a
 * finding is counted once whichever replica stores which batch.
 *
 * The previous batch's carry is used only when it is that of seq − 1; a batch after a gap,
 * or one arriving after a later one, is read alone (the clicks on its edges may go
 * undecided). The carry kept is always that of the highest seq analyzed.
 */
export function analyzeBatchInsights(
  stored: StoredInsightState | undefined,
  seq: number,
  batch: BatchInsightSignals,
): AnalysisToMerge {
  const storedSeq = stored?.insight_carry_seq ?? null;
  const carry = storedSeq === seq - 1 ? parseInsightCarry(stored?.insight_carry) : undefined;
  const analysis = analyzeInsights(carry, batch);
  const keepsCarry = storedSeq === null || seq > storedSeq;
  return {
    ...analysis,
    carryJson: keepsCarry ? JSON.stringify(analysis.carry) : null,
    carrySeq: keepsCarry ? seq : null,
    carryOpen: keepsCarry ? (analysis.carry.signals.length > 0 ? 1 : 0) : null,
  };
}

/**
 * Decides the clicks a session's stored carry still holds (`settleInsights`): the session
 * has had no batch for a while. The carry is replaced by the settled one under the same
 * seq, so a batch that still comes is read after it (a navigation is still seen as one).
 * An unreadable carry has nothing to settle: it stays (`carryJson` null), no longer open.
 */
export function settleStoredInsights(stored: StoredInsightState): AnalysisToMerge {
  const carry = parseInsightCarry(stored.insight_carry);
  if (carry === undefined || stored.insight_carry_seq === null) {
    const nothing: InsightCarry = { v: 1, signals: [], reported: {}, coverageEndMs: 0 };
    return { added: [], updated: [], carry: nothing, carryJson: null, carrySeq: null, carryOpen: 0 };
  }
  const analysis = settleInsights(carry);
  return { ...analysis, carryJson: JSON.stringify(analysis.carry), carrySeq: stored.insight_carry_seq, carryOpen: 0 };
}

/** True when the stored list must be read: the batch added or changed a finding. */
export function changesInsightList(analysis: InsightAnalysis): boolean {
  return analysis.added.length > 0 || analysis.updated.length > 0;
}

/**
 * Merges the findings into the stored list (read only when `changesInsightList`): an
 * update replaces the finding of the same key, an addition already listed replaces it
 * too and is not counted again. The list is kept by time, cut at 500.
 */
export function mergeInsightList(storedList: unknown, analysis: AnalysisToMerge): InsightMerge {
  const merge: InsightMerge = {
    insightsJson: null,
    counts: { 'rage-click': 0, 'dead-click': 0, 'double-submit': 0, 'error-click': 0, 'slow-frame': 0 },
    carryJson: analysis.carryJson,
    carrySeq: analysis.carrySeq,
    carryOpen: analysis.carryOpen,
  };
  if (!changesInsightList(analysis)) return merge;

  const list = readJson<SessionInsight[]>(storedList, []);
  const positions = new Map(list.map((insight, i) => [getInsightKey(insight), i]));
  for (const insight of analysis.updated) {
    const position = positions.get(getInsightKey(insight));
    if (position !== undefined) list[position] = insight;
  }
  for (const insight of analysis.added) {
    const key = getInsightKey(insight);
    const position = positions.get(key);
    if (position !== undefined) {
      list[position] = insight;
      continue;
    }
    merge.counts[insight.type] += 1;
    positions.set(key, list.length);
    list.push(insight);
  }
  list.sort((a, b) => a.timeMs - b.timeMs);
  merge.insightsJson = JSON.stringify(list.slice(0, MAX_SESSION_INSIGHTS));
  return merge;
}
