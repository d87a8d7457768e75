import { type Metric, onCLS, onFCP, onINP, onLCP, onTTFB } from 'web-vitals';
import type { CaptureContext, StopCapture } from '../capture.js';
import { guard } from '../internal/guard.js';

const SUBSCRIBERS = [onLCP, onCLS, onINP, onFCP, onTTFB];

/**
 * Records the Core Web Vitals (LCP, CLS, INP) and FCP, TTFB as `sightline.performance`
 * events, each once, with its final value. web-vitals has no unsubscribe: after `stop`
 * its callbacks still run but record nothing.
 */
export function observeWebVitals(context: CaptureContext, report: (error: unknown) => void): StopCapture {
  let stopped = false;
  const record = guard(report, (metric: Metric) => {
    if (stopped) return;
    context.emit('performance', { kind: metric.name, value: metric.value, rating: metric.rating });
  });
  for (const subscribe of SUBSCRIBERS) {
    try {
      subscribe(record, { reportAllChanges: false });
    } catch (error) {
      report(error);
    }
  }
  return () => {
    stopped = true;
  };
}
