import { propagateTraceContext } from '../../propagation/propagate-trace-context.js';
import { compileUrlPatterns, readBaseUrl } from '../../propagation/url-pattern.js';
import type { Capture, CaptureContext, NetworkCaptureOptions, StopCapture } from '../capture.js';
import { withSafeReporting } from '../internal/safe-context.js';
import { installAll } from '../internal/stop-all.js';
import { flushOnPageHide } from './flush-on-page-hide.js';
import { recordBeacon } from './record-beacon.js';
import { recordDocumentLoad } from './record-document-load.js';
import { recordFetch } from './record-fetch.js';
import { recordTracedResource } from './record-traced-resource.js';
import { recordXhr } from './record-xhr.js';
import { createRequestLog } from './request-log.js';
import { createResourceTimingMatcher } from './resource-timing.js';

/**
 * Records fetch, XHR and beacon requests, the document load and traced resources as
 * `sightline.network` events, and makes same-origin and `propagateTo` requests carry
 * `X-Session-ID`, `traceparent` and `baggage`.
 *
 * @example
 * const stop = captureNetwork(context, {
 *   propagateTo: ['https://api.shop.example'],
 *   captureBodiesFor: ['/api/checkout'],
 *   maxBodyLength: 10_000,
 *   scrubQueryValues: true,
 *   ignoreUrls: ['https://ingest.sightline.example/v1/'],
 * });
 */
export const captureNetwork: Capture<NetworkCaptureOptions> = (context, options) => {
  const safeContext = withSafeReporting(context);
  try {
    return installNetworkCapture(safeContext, options);
  } catch (error) {
    safeContext.reportInternalError(error);
    return () => {};
  }
};

function installNetworkCapture(context: CaptureContext, options: NetworkCaptureOptions): StopCapture {
  const report = context.reportInternalError;
  const pageUrl = readBaseUrl(globalThis);
  const ignore = compileUrlPatterns(options.ignoreUrls, pageUrl);
  const timing = createResourceTimingMatcher({
    report,
    onUnclaimedEntry: (entry) => recordTracedResource(context, entry, ignore, options.scrubQueryValues),
  });
  const log = createRequestLog(
    context,
    {
      ignore,
      captureBodiesFor: compileUrlPatterns(options.captureBodiesFor, pageUrl),
      scrubQueryValues: options.scrubQueryValues,
      maxBodyLength: options.maxBodyLength,
    },
    timing,
  );
  return installAll(
    [
      () => () => {
        // what finished while we recorded is recorded, even if its timing entry is late
        timing.flush();
        timing.stop();
      },
      () => recordDocumentLoad(context, options.scrubQueryValues),
      () => recordFetch(log, options.maxBodyLength, report),
      () => recordXhr(log, report),
      () => recordBeacon(log, report),
      () => flushOnPageHide(() => timing.flush(), report),
      // installed last, so its wrappers run first and the recorders below see the headers it adds
      () => propagateTraceContext(context, options),
    ],
    report,
  );
}
