import { roundDuration } from '../internal/clock.js';
import { compactPayload, type NetworkPayload } from './network-payload.js';
import { scrubUrl } from './scrub-url.js';
import { findServerTimingTraceparent, type ServerTimingMetric } from './server-timing.js';

/** The part of a navigation or resource timing entry its record uses. */
export interface TimingEntryFacts {
  name: string;
  startTime: number;
  responseEnd: number;
  responseStatus?: number;
  encodedBodySize: number;
  serverTiming?: readonly ServerTimingMetric[];
}

/**
 * The `sightline.network` payload of a request the browser made itself — the document
 * (`navigation`) or a resource that answered with a `Server-Timing` traceparent — so it
 * links to its backend trace. Timing entries do not say the method: a document or
 * resource load is a GET unless a form posted it, which the entry cannot tell.
 */
export function buildEntryPayload(
  entry: TimingEntryFacts,
  initiator: 'navigation' | 'resource',
  scrubQueryValues: boolean,
  toEpochMs: (highResTime: number) => number,
): NetworkPayload | undefined {
  let url: URL;
  try {
    url = new URL(entry.name);
  } catch {
    return undefined;
  }
  const end = Math.max(entry.responseEnd, entry.startTime);
  const trace = findServerTimingTraceparent(entry.serverTiming);
  const startMs = toEpochMs(entry.startTime);
  const elapsed = end - entry.startTime;
  return compactPayload({
    method: 'GET',
    url: scrubUrl(url, scrubQueryValues),
    status: entry.responseStatus ?? 0,
    startMs,
    endMs: startMs + Math.round(elapsed),
    durationMs: roundDuration(elapsed),
    responseBytes: entry.encodedBodySize > 0 ? entry.encodedBodySize : undefined,
    traceId: trace?.traceId,
    spanId: trace?.spanId,
    initiator,
  });
}
