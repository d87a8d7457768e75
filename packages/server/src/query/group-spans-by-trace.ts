import type { StoredSpan } from '../storage/store.js';

export interface TraceView {
  traceId: string;
  /** The session any span of the trace named; null when none did. */
  sessionId: string | null;
  /** The root span's name (the earliest span when the root was not received). */
  name: string;
  serviceName: string | null;
  startTimeMs: number;
  endTimeMs: number;
  durationMs: number;
  spanCount: number;
  errorCount: number;
  spans: StoredSpan[];
}

/** Groups spans (sorted by start) into traces, in order of each trace's first span. */
export function groupSpansByTrace(spans: readonly StoredSpan[]): TraceView[] {
  const byTrace = new Map<string, StoredSpan[]>();
  for (const span of spans) {
    const list = byTrace.get(span.traceId);
    if (list) list.push(span);
    else byTrace.set(span.traceId, [span]);
  }
  return [...byTrace].map(([traceId, members]) => summarizeTrace(traceId, members));
}

function summarizeTrace(traceId: string, spans: StoredSpan[]): TraceView {
  const spanIds = new Set(spans.map((span) => span.spanId));
  const root =
    spans.find((span) => span.parentSpanId === null) ??
    spans.find((span) => span.parentSpanId !== null && !spanIds.has(span.parentSpanId)) ??
    spans[0];
  let startTimeMs = Number.POSITIVE_INFINITY;
  let endTimeMs = Number.NEGATIVE_INFINITY;
  let errorCount = 0;
  let sessionId: string | null = null;
  for (const span of spans) {
    startTimeMs = Math.min(startTimeMs, span.startTimeMs);
    endTimeMs = Math.max(endTimeMs, span.endTimeMs);
    if (span.statusCode === 'ERROR') errorCount += 1;
    sessionId ??= span.sessionId;
  }
  return {
    traceId,
    sessionId,
    name: root?.name ?? '',
    serviceName: root?.serviceName ?? null,
    startTimeMs,
    endTimeMs,
    durationMs: endTimeMs - startTimeMs,
    spanCount: spans.length,
    errorCount,
    spans,
  };
}
