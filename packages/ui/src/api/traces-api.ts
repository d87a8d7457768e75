import type { ApiClient } from './api-client';
import type { TraceDetail } from './api-types';

/** `GET /api/traces/:traceId`: the spans, the session the trace belongs to, and its logs. */
export function getTrace(client: ApiClient, traceId: string, signal?: AbortSignal): Promise<TraceDetail> {
  return client.getJson<TraceDetail>(`/api/traces/${encodeURIComponent(traceId)}`, { signal });
}
