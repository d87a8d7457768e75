import type { Capture, PerformanceCaptureOptions } from './capture.js';
import { withSafeReporting } from './internal/safe-context.js';
import { installAll } from './internal/stop-all.js';
import { observeLongTasks } from './performance/long-tasks.js';
import { observeWebVitals } from './performance/web-vitals.js';

/**
 * Records long animation frames (or long tasks) and web vitals as
 * `sightline.performance` events.
 *
 * @example
 * const stop = capturePerformance(context, { longTaskThresholdMs: 100 });
 */
export const capturePerformance: Capture<PerformanceCaptureOptions> = (context, options) => {
  const report = withSafeReporting(context).reportInternalError;
  return installAll(
    [() => observeLongTasks(context, options.longTaskThresholdMs, report), () => observeWebVitals(context, report)],
    report,
  );
};
