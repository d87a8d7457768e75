import type { StopCapture } from '../capture.js';
import { listen } from '../internal/listen.js';

/**
 * Calls `flush` when the page is hidden or unloaded: records still waiting for a timing
 * entry must go out, the page may not come back. Capture phase, so this runs before an
 * uploader's own `pagehide` listener on `window` sends the last batch.
 */
export function flushOnPageHide(flush: () => void, report: (error: unknown) => void): StopCapture {
  const stopPageHide = listen(window, 'pagehide', report, flush, { capture: true });
  const stopVisibility = listen(
    document,
    'visibilitychange',
    report,
    () => {
      if (document.visibilityState === 'hidden') flush();
    },
    { capture: true },
  );
  return () => {
    stopPageHide();
    stopVisibility();
  };
}
