import { INSIGHT_RULES, type SessionInsight } from './insight.js';
import type { PerformanceSignal } from './signals.js';

/** Entries that measure one stall of the main thread. */
const STALL_METRICS: ReadonlySet<string> = new Set(['longtask', 'long-animation-frame']);
/** Web vitals that are reported with a rating; a `poor` one is a slow frame the user felt. */
const RATED_METRICS: ReadonlySet<string> = new Set(['INP', 'LCP']);

/**
 * Slow frames: a long task or long animation frame over 200 ms, or an INP or LCP rated
 * `poor`. Each entry stands alone, so it is decided in the batch that holds it, at its
 * start time (`startMs`, else the event's time), with its duration and what it was.
 */
export function detectSlowFrames(entries: readonly PerformanceSignal[]): SessionInsight[] {
  const insights: SessionInsight[] = [];
  for (const entry of entries) {
    const stall = STALL_METRICS.has(entry.metric) && entry.durationMs > INSIGHT_RULES.slowFrameMs;
    const poor = RATED_METRICS.has(entry.metric) && entry.rating === 'poor';
    if (!stall && !poor) continue;
    const durationMs = Math.round(entry.durationMs);
    insights.push({
      type: 'slow-frame',
      timeMs: entry.timeMs,
      durationMs,
      detail: poor ? `${entry.metric} ${durationMs} ms (poor)` : `${entry.metric} ${durationMs} ms`,
    });
  }
  return insights;
}
