/** How a request was made (docs/replay-format.md, `sightline.network`). */
export type NetworkInitiator = 'fetch' | 'xhr' | 'beacon' | 'navigation' | 'resource';

/** The payload of a `sightline.network` event. */
export type NetworkPayload = {
  method: string;
  /** Scrubbed: no credentials, no fragment, query values `[redacted]` unless disabled. */
  url: string;
  /** HTTP status; 0 when unknown (beacons, opaque responses) or failed. */
  status: number;
  startMs: number;
  endMs: number;
  durationMs: number;
  requestBytes?: number;
  responseBytes?: number;
  traceId?: string;
  spanId?: string;
  initiator: NetworkInitiator;
  failed?: true;
  failureReason?: string;
  requestHeaders?: Record<string, string>;
  responseHeaders?: Record<string, string>;
  requestBody?: string;
  responseBody?: string;
};

/** Removes the keys whose value is `undefined`, so the event carries only what is known. */
export function compactPayload(payload: NetworkPayload): NetworkPayload {
  const compact: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) if (value !== undefined) compact[key] = value;
  return compact as NetworkPayload;
}

/** A request worth keeping an unsampled session for: it failed (not by the app's choice) or the server erred. */
export function isFailedRequest(payload: Pick<NetworkPayload, 'status' | 'failed' | 'failureReason'>): boolean {
  // an abort is the app cancelling (typeahead, route change), not something going wrong
  if (payload.failed) return payload.failureReason !== 'aborted';
  return payload.status >= 500;
}
