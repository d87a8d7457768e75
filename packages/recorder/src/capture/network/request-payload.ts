import { parseTraceparent } from '../../propagation/traceparent.js';
import { roundDuration } from '../internal/clock.js';
import { truncateText } from '../internal/truncate.js';
import { compactPayload, type NetworkInitiator, type NetworkPayload } from './network-payload.js';
import { redactHeaders } from './redact-headers.js';
import { scrubUrl } from './scrub-url.js';
import { findServerTimingTraceparent, parseServerTimingHeader, type ServerTimingMetric } from './server-timing.js';

/** What a fetch, XHR or beacon recorder learned about one request. */
export interface RequestResult {
  method: string;
  /** 0 when there was no HTTP response (failure, beacon, opaque response). */
  status: number;
  /** Set when the request failed: `network error`, `aborted`, `timeout` or a message. */
  failureReason?: string;
  /** The `traceparent` the request went out with (ours, or the app's own). */
  traceparent?: string | null;
  /** The response's `Server-Timing` header, when readable: the backend's trace if we sent none. */
  serverTiming?: string | null;
  requestBytes?: number;
  /** From `Content-Length`; the resource timing entry's body size wins when there is one. */
  responseBytes?: number;
  requestHeaders?: Iterable<readonly [string, string]>;
  responseHeaders?: Iterable<readonly [string, string]>;
  requestBody?: string;
  responseBody?: string;
}

/** The part of a `PerformanceResourceTiming` entry a request's record uses. */
export interface ResourceEntryFacts {
  responseEnd: number;
  responseStatus?: number;
  encodedBodySize: number;
  serverTiming?: readonly ServerTimingMetric[];
}

export interface RequestTiming {
  /** `Date.now()` when the request started. */
  startMs: number;
  /** `performance.now()` at the same moment. */
  startPerf: number;
  /** `performance.now()` when the response (or failure) came back. */
  endPerf: number;
}

export interface RequestPayloadOptions {
  scrubQueryValues: boolean;
  /** The URL is allow-listed (`captureBodiesFor`): headers and bodies are recorded. */
  capturesDetails: boolean;
  maxBodyLength: number;
}

/** Builds the `sightline.network` payload of a fetch, XHR or beacon request. */
export function buildRequestPayload(
  initiator: NetworkInitiator,
  url: URL,
  timing: RequestTiming,
  result: RequestResult,
  entry: ResourceEntryFacts | undefined,
  options: RequestPayloadOptions,
): NetworkPayload {
  // the entry ends when the body is fully in, which for fetch is after the promise resolved
  const endPerf = Math.max(timing.endPerf, entry && entry.responseEnd > 0 ? entry.responseEnd : 0);
  const elapsed = endPerf - timing.startPerf;
  const trace =
    parseTraceparent(result.traceparent) ??
    findServerTimingTraceparent(parseServerTimingHeader(result.serverTiming)) ??
    findServerTimingTraceparent(entry?.serverTiming);
  const failed = result.failureReason !== undefined;
  const payload: NetworkPayload = {
    method: result.method.toUpperCase(),
    url: scrubUrl(url, options.scrubQueryValues),
    status: result.status || (entry?.responseStatus ?? 0),
    startMs: timing.startMs,
    endMs: timing.startMs + Math.round(elapsed),
    durationMs: roundDuration(elapsed),
    requestBytes: result.requestBytes,
    // 0 is what a cross-origin entry without Timing-Allow-Origin says: unknown, not empty
    responseBytes: entry && entry.encodedBodySize > 0 ? entry.encodedBodySize : result.responseBytes,
    traceId: trace?.traceId,
    spanId: trace?.spanId,
    initiator,
    failed: failed ? true : undefined,
    failureReason: result.failureReason,
  };
  if (options.capturesDetails) Object.assign(payload, describeDetails(result, options.maxBodyLength));
  return compactPayload(payload);
}

function describeDetails(result: RequestResult, maxBodyLength: number): Partial<NetworkPayload> {
  return {
    requestHeaders: result.requestHeaders ? redactHeaders(result.requestHeaders) : undefined,
    responseHeaders: result.responseHeaders ? redactHeaders(result.responseHeaders) : undefined,
    requestBody: result.requestBody === undefined ? undefined : truncateText(result.requestBody, maxBodyLength).text,
    responseBody: result.responseBody === undefined ? undefined : truncateText(result.responseBody, maxBodyLength).text,
  };
}
