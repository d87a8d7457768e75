import type { Span, TraceSummary } from '../../api/api-types';

/** Below this a span is an instant; it counts as in flight for this long so it can be seen lit. */
const INSTANT_MS = 50;

/** True when the span was running at `epochMs` (Unix ms). */
export function isSpanInFlight(span: Pick<Span, 'startTimeMs' | 'endTimeMs'>, epochMs: number): boolean {
  const end = Math.max(span.endTimeMs, span.startTimeMs + INSTANT_MS);
  return span.startTimeMs <= epochMs && epochMs < end;
}

/** Ids of the traces with a span in flight at `epochMs`. */
export function findTracesInFlight(traces: readonly TraceSummary[], epochMs: number): Set<string> {
  const ids = new Set<string>();
  for (const trace of traces) {
    if (trace.startTimeMs > epochMs || Math.max(trace.endTimeMs, trace.startTimeMs + INSTANT_MS) <= epochMs) continue;
    if (trace.spans.length === 0 || trace.spans.some((span) => isSpanInFlight(span, epochMs))) ids.add(trace.traceId);
  }
  return ids;
}
