/**
 * Times in replay events are epoch milliseconds on the `Date.now()` clock, like rrweb's
 * event timestamps, so a network row or long task lines up with the DOM events around it.
 * `performance.timeOrigin` drifts from `Date.now()` on long-lived pages (sleep, clock
 * sync), so high-resolution times are converted through the current offset between
 * the two clocks rather than through `timeOrigin`.
 */
export function toEpochMs(highResTime: number, performance_: Pick<Performance, 'now'> = performance): number {
  return Math.round(Date.now() - performance_.now() + highResTime);
}

/** Durations keep a tenth of a millisecond: enough to tell a 0.4 ms cache hit from 0. */
export function roundDuration(ms: number): number {
  return Math.max(0, Math.round(ms * 10) / 10);
}
