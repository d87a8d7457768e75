/** A stretch of the session, in ms from its start. */
export interface TimeRange {
  startMs: number;
  endMs: number;
}

/** A gap between user inputs longer than this is idle, and 'skip inactivity' jumps over it. */
export const INACTIVITY_THRESHOLD_MS = 10_000;
/** Playback keeps this much of an idle gap on each side, so a jump never lands right on an action. */
const KEPT_EDGE_MS = 1_000;

/**
 * Idle stretches between user inputs (mouse, touch, scroll, keys…), including before the
 * first input and after the last one up to `endMs`. `activityMs` holds session offsets
 * in any order.
 */
export function findInactivePeriods(
  activityMs: readonly number[],
  startMs: number,
  endMs: number,
  thresholdMs = INACTIVITY_THRESHOLD_MS,
): TimeRange[] {
  const times = [...activityMs].filter((time) => time >= startMs && time <= endMs).sort((a, b) => a - b);
  const periods: TimeRange[] = [];
  let previous = startMs;
  for (const time of times) {
    if (time - previous > thresholdMs) periods.push({ startMs: previous + KEPT_EDGE_MS, endMs: time - KEPT_EDGE_MS });
    previous = time;
  }
  // after the last input there is nothing to land on: skip to the very end
  if (endMs - previous > thresholdMs) periods.push({ startMs: previous + KEPT_EDGE_MS, endMs });
  return periods;
}

/** The idle period that contains `timeMs`, if any. Periods are sorted and disjoint. */
export function findPeriodAt(periods: readonly TimeRange[], timeMs: number): TimeRange | undefined {
  let low = 0;
  let high = periods.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const period = periods[middle];
    if (!period) return undefined;
    if (timeMs < period.startMs) high = middle - 1;
    else if (timeMs >= period.endMs) low = middle + 1;
    else return period;
  }
  return undefined;
}
