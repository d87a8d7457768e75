import { mergeSessionBaggage } from './baggage.js';
import { createTraceContext, type RandomFill } from './traceparent.js';

export const SESSION_ID_HEADER = 'X-Session-ID';
export const TRACEPARENT_HEADER = 'traceparent';
export const BAGGAGE_HEADER = 'baggage';

/**
 * The headers to set on one request, given a reader of the headers the app already set
 * (case-insensitive, `null` when absent). The app's own `X-Session-ID` and `traceparent`
 * win — another tracer (OpenTelemetry web) may have started the trace, and the network
 * row then links to that one; `baggage` is merged so the app's members survive, with
 * the same `session.id` as the `X-Session-ID` that goes out.
 */
export function planPropagationHeaders(
  readExisting: (name: string) => string | null,
  sessionId: string,
  fill?: RandomFill,
): [name: string, value: string][] {
  const headers: [string, string][] = [];
  const existingSessionId = readExisting(SESSION_ID_HEADER);
  // no session yet (or a broken one): still start a trace, but send no empty session
  if (existingSessionId === null && sessionId !== '') headers.push([SESSION_ID_HEADER, sessionId]);
  // baggage names the session that actually goes out: the app's (or an outer recorder's) if it set one
  const sentSessionId = existingSessionId ?? sessionId;
  if (sentSessionId !== '') {
    const baggage = mergeSessionBaggage(readExisting(BAGGAGE_HEADER), sentSessionId);
    if (baggage !== '') headers.push([BAGGAGE_HEADER, baggage]);
  }
  if (readExisting(TRACEPARENT_HEADER) === null)
    headers.push([TRACEPARENT_HEADER, createTraceContext(fill).traceparent]);
  return headers;
}
