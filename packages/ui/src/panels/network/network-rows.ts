import type { RecordedEvent } from '../../replay/recorded-event';
import { isFailedRequest, readSightlineEvent } from '../../replay/sightline-events';
import { toSessionOffset } from '../../timeline/session-time';

/** One request of the Network panel, placed at its start. */
export interface NetworkRow {
  timeMs: number;
  method: string;
  url: string;
  /** 0 when unknown (a beacon, an opaque response) or failed. */
  status: number;
  durationMs: number;
  initiator: string;
  failed: boolean;
  failureReason?: string;
  /** The backend trace the recorder's traceparent started. */
  traceId?: string;
  requestBytes?: number;
  responseBytes?: number;
  /** Captured only for allow-listed URLs (docs/recorder.md). */
  requestHeaders?: Record<string, string>;
  responseHeaders?: Record<string, string>;
  requestBody?: string;
  responseBody?: string;
}

/** The network row for a `sightline.network` event. */
export function toNetworkRow(event: RecordedEvent, sessionStartMs: number): NetworkRow | undefined {
  const custom = readSightlineEvent(event);
  if (custom?.tag !== 'network') return undefined;
  const { payload } = custom;
  const row: NetworkRow = {
    timeMs: toSessionOffset(payload.startMs, sessionStartMs),
    method: payload.method,
    url: payload.url,
    status: payload.status,
    durationMs: payload.durationMs,
    initiator: payload.initiator,
    failed: isFailedRequest(payload),
  };
  if (payload.failureReason !== undefined) row.failureReason = payload.failureReason;
  if (payload.traceId !== undefined) row.traceId = payload.traceId;
  if (payload.requestBytes !== undefined) row.requestBytes = payload.requestBytes;
  if (payload.responseBytes !== undefined) row.responseBytes = payload.responseBytes;
  if (payload.requestHeaders !== undefined) row.requestHeaders = payload.requestHeaders;
  if (payload.responseHeaders !== undefined) row.responseHeaders = payload.responseHeaders;
  if (payload.requestBody !== undefined) row.requestBody = payload.requestBody;
  if (payload.responseBody !== undefined) row.responseBody = payload.responseBody;
  return row;
}

/** `/api/cart?id=[redacted]` for a same-site URL, the host and path otherwise: what fits in a row. */
export function shortenUrl(url: string, pageOrigin?: string): string {
  try {
    const parsed = new URL(url);
    const path = `${parsed.pathname}${parsed.search}`;
    return pageOrigin !== undefined && parsed.origin === pageOrigin ? path : `${parsed.host}${path}`;
  } catch {
    return url;
  }
}

/** The text of the status cell: the code, or why there is none. */
export function describeStatus(row: NetworkRow): string {
  if (row.failed && row.status === 0) return row.failureReason ?? 'failed';
  return row.status === 0 ? '—' : String(row.status);
}

/** Bodies larger than this are shown as sent: re-indenting them would cost more than it helps. */
const MAX_PRETTY_BODY_CHARS = 200_000;

/** A captured body for reading: JSON re-indented, anything else as it came. */
export function formatBody(body: string): string {
  if (body.length > MAX_PRETTY_BODY_CHARS) return body;
  const trimmed = body.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return body;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
