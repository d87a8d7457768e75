import type { CaptureContext, StopCapture } from '../capture.js';
import { roundDuration, toEpochMs } from '../internal/clock.js';
import { guard } from '../internal/guard.js';

export type LongTaskEntryType = 'long-animation-frame' | 'longtask';

/**
 * Long animation frames (Chrome 123+) where the browser has them: they cover the whole
 * frame including rendering, and say which scripts ran. Long tasks otherwise.
 */
export function chooseLongTaskEntryType(supported: readonly string[]): LongTaskEntryType | undefined {
  if (supported.includes('long-animation-frame')) return 'long-animation-frame';
  if (supported.includes('longtask')) return 'longtask';
  return undefined;
}

/** Records main-thread stalls of at least `thresholdMs` as `sightline.performance` events. */
export function observeLongTasks(
  context: CaptureContext,
  thresholdMs: number,
  report: (error: unknown) => void,
): StopCapture {
  if (typeof PerformanceObserver === 'undefined') return () => {};
  const type = chooseLongTaskEntryType(PerformanceObserver.supportedEntryTypes ?? []);
  if (!type) return () => {};
  const observer = new PerformanceObserver(
    guard(report, (list: PerformanceObserverEntryList) => {
      for (const entry of list.getEntries()) {
        if (entry.duration < thresholdMs) continue;
        const durationMs = roundDuration(entry.duration);
        context.emit('performance', { kind: type, value: durationMs, durationMs, startMs: toEpochMs(entry.startTime) });
      }
    }),
  );
  // buffered: stalls during start-up, before the recorder loaded, are the ones users feel most
  observer.observe({ type, buffered: true });
  return () => observer.disconnect();
}
