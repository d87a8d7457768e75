import type { CaptureContext, NetworkCaptureOptions, StopCapture } from '../capture/capture.js';
import { withSafeReporting } from '../capture/internal/safe-context.js';
import { installAll } from '../capture/internal/stop-all.js';
import { propagateThroughFetch } from './propagate-fetch.js';
import { propagateThroughXhr } from './propagate-xhr.js';
import type { PropagationTargets } from './propagation-target.js';
import { compileUrlPatterns, readBaseUrl } from './url-pattern.js';

export type PropagationOptions = Pick<NetworkCaptureOptions, 'propagateTo' | 'ignoreUrls'>;

/**
 * Adds `X-Session-ID`, a fresh `traceparent` and `baggage: session.id=…` to `fetch` and
 * XHR requests for the page's origin and `propagateTo` origins. `sendBeacon` is left
 * alone: it cannot carry custom headers.
 */
export function propagateTraceContext(context: CaptureContext, options: PropagationOptions): StopCapture {
  const safeContext = withSafeReporting(context);
  let targets: PropagationTargets;
  try {
    const pageUrl = readBaseUrl(globalThis);
    targets = {
      pageOrigin: globalThis.location.origin,
      propagateTo: compileUrlPatterns(options.propagateTo, pageUrl),
      ignore: compileUrlPatterns(options.ignoreUrls, pageUrl),
    };
  } catch (error) {
    safeContext.reportInternalError(error);
    return () => {};
  }
  return installAll(
    [() => propagateThroughFetch(safeContext, targets), () => propagateThroughXhr(safeContext, targets)],
    safeContext.reportInternalError,
  );
}
