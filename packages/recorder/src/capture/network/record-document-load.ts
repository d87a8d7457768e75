import type { CaptureContext, StopCapture } from '../capture.js';
import { toEpochMs } from '../internal/clock.js';
import { guard } from '../internal/guard.js';
import { listen } from '../internal/listen.js';
import { buildEntryPayload } from './entry-payload.js';
import { isFailedRequest } from './network-payload.js';

/**
 * Records the document request itself (`initiator: 'navigation'`) with the trace the
 * backend announced in `Server-Timing: traceparent;desc=…`, so the page load links to
 * its backend trace like any fetch. Waits for `load`: before it, the entry's
 * `responseEnd` may still be 0.
 */
export function recordDocumentLoad(context: CaptureContext, scrubQueryValues: boolean): StopCapture {
  const report = context.reportInternalError;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const record = guard(report, () => {
    const entry = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
    if (!entry) return;
    const payload = buildEntryPayload(entry, 'navigation', scrubQueryValues, (time) => toEpochMs(time));
    if (!payload) return;
    context.emit('network', payload);
    if (isFailedRequest(payload)) context.trigger('failed-request');
  });
  if (document.readyState === 'complete') {
    record();
    return () => {};
  }
  // a task after `load`, so the entry's load timings are final
  const stopListening = listen(
    window,
    'load',
    report,
    () => {
      timer = setTimeout(record, 0);
    },
    { once: true },
  );
  return () => {
    stopListening();
    if (timer !== undefined) clearTimeout(timer);
  };
}
