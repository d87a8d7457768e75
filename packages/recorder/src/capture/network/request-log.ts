import { isHttpUrl } from '../../propagation/propagation-target.js';
import type { UrlMatcher } from '../../propagation/url-pattern.js';
import type { CaptureContext } from '../capture.js';
import { guard } from '../internal/guard.js';
import { isFailedRequest } from './network-payload.js';
import { buildRequestPayload, type RequestResult } from './request-payload.js';
import type { RecordedInitiator, ResourceTimingMatcher } from './resource-timing.js';

/** One request being recorded, from its start to its single `finish`. */
export interface PendingRequest {
  /** The URL is allow-listed: the caller should collect headers and bodies. */
  readonly capturesDetails: boolean;
  /** Records the request (once; later calls are ignored). */
  finish(result: RequestResult): void;
  /** Drops the request: it never went out (the browser refused the call). */
  abandon(): void;
}

export interface RequestLog {
  /** Starts recording a request now; `undefined` for requests that are not recorded. */
  begin(initiator: RecordedInitiator, url: URL): PendingRequest | undefined;
}

export interface RequestLogOptions {
  ignore: UrlMatcher;
  captureBodiesFor: UrlMatcher;
  scrubQueryValues: boolean;
  maxBodyLength: number;
}

/**
 * Turns fetch, XHR and beacon calls into `sightline.network` events: times them, waits
 * for their resource timing entry, emits, and triggers upload on a failure or a 5xx.
 */
export function createRequestLog(
  context: CaptureContext,
  options: RequestLogOptions,
  timing: ResourceTimingMatcher,
): RequestLog {
  const report = context.reportInternalError;
  return {
    begin(initiator, url) {
      // the recorder's own uploads stay out of the replay they carry
      if (!isHttpUrl(url) || options.ignore(url)) return undefined;
      const capturesDetails = options.captureBodiesFor(url);
      const startMs = Date.now();
      const startPerf = performance.now();
      const expectation = timing.expect(url, initiator, startPerf);
      let done = false;
      return {
        capturesDetails,
        finish(result) {
          if (done) return;
          done = true;
          const endPerf = performance.now();
          expectation.settle(
            guard(report, (entry) => {
              const payload = buildRequestPayload(initiator, url, { startMs, startPerf, endPerf }, result, entry, {
                scrubQueryValues: options.scrubQueryValues,
                capturesDetails,
                maxBodyLength: options.maxBodyLength,
              });
              context.emit('network', payload);
              if (isFailedRequest(payload)) context.trigger('failed-request');
            }),
          );
        },
        abandon() {
          if (done) return;
          done = true;
          expectation.abandon();
        },
      };
    },
  };
}
