import { type PageLocation, parseUrl, readBaseUrl } from '../../propagation/url-pattern.js';
import type { StopCapture } from '../capture.js';
import { patchMethod } from '../internal/patch-method.js';
import { describeBody } from './body-description.js';
import type { PendingRequest, RequestLog } from './request-log.js';

/**
 * Patches `navigator.sendBeacon` to record beacons. A beacon cannot carry custom headers,
 * so nothing is added to it; its status comes from its resource timing entry, when the
 * browser reports one before the page goes away.
 */
export function recordBeacon(
  log: RequestLog,
  report: (error: unknown) => void,
  global: Pick<typeof globalThis, 'navigator'> & PageLocation = globalThis,
): StopCapture {
  const navigator = global.navigator;
  if (typeof navigator?.sendBeacon !== 'function') return () => {};
  return patchMethod(
    navigator,
    'sendBeacon',
    (previous) =>
      function (this: Navigator, ...args: Parameters<Navigator['sendBeacon']>) {
        let request: PendingRequest | undefined;
        try {
          const url = parseUrl(String(args[0]), readBaseUrl(global));
          request = url && log.begin('beacon', url);
        } catch (error) {
          report(error);
        }
        let queued: boolean;
        try {
          queued = previous.apply(this, args);
        } catch (error) {
          request?.abandon();
          throw error;
        }
        try {
          const body = describeBody(args[1]);
          request?.finish({
            method: 'POST',
            status: 0,
            requestBytes: body.bytes,
            requestBody: request.capturesDetails ? body.text : undefined,
            // the browser refuses beacons over its quota (64 KB in flight): the data is lost
            failureReason: queued ? undefined : 'beacon not queued',
          });
        } catch (error) {
          report(error);
        }
        return queued;
      },
  );
}
