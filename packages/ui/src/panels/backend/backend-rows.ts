import type { LogEntry, TraceSummary } from '../../api/api-types';
import { toSessionOffset } from '../../timeline/session-time';
import { layoutWaterfall, type WaterfallRow } from './waterfall-layout';

/**
 * The Backend panel's trace list as fixed-height rows — a header per trace, then its spans
 * as a waterfall — so one virtual list can show hundreds of traces.
 */
export type BackendRow =
  | { type: 'trace'; timeMs: number; trace: TraceSummary }
  | { type: 'span'; timeMs: number; trace: TraceSummary; row: WaterfallRow };

/** Spans shown per trace before "open the trace" takes over. */
export const SPANS_PER_TRACE = 12;

/** Rows for the session's traces in start order; `collapsed` trace ids show their header only. */
export function buildBackendRows(
  traces: readonly TraceSummary[],
  sessionStartMs: number,
  collapsed: ReadonlySet<string> = new Set(),
): BackendRow[] {
  const rows: BackendRow[] = [];
  const sorted = [...traces].sort((a, b) => a.startTimeMs - b.startTimeMs);
  for (const trace of sorted) {
    rows.push({ type: 'trace', timeMs: toSessionOffset(trace.startTimeMs, sessionStartMs), trace });
    if (collapsed.has(trace.traceId)) continue;
    for (const row of layoutWaterfall(trace.spans).rows.slice(0, SPANS_PER_TRACE)) {
      rows.push({ type: 'span', timeMs: toSessionOffset(row.span.startTimeMs, sessionStartMs), trace, row });
    }
  }
  return rows;
}

/** A backend log on the session clock. */
export interface LogRow {
  timeMs: number;
  severity: string;
  /** OTel severity number: ≥ 17 is ERROR or worse, 13–16 WARN. */
  severityNumber: number;
  body: string;
  serviceName: string | null;
  traceId: string | null;
}

export function toLogRows(logs: readonly LogEntry[], sessionStartMs: number): LogRow[] {
  return logs
    .map((log) => ({
      timeMs: toSessionOffset(log.timeMs, sessionStartMs),
      severity: log.severity ?? severityName(log.severityNumber),
      severityNumber: log.severityNumber,
      body: log.body ?? '',
      serviceName: log.serviceName,
      traceId: log.traceId,
    }))
    .sort((a, b) => a.timeMs - b.timeMs);
}

function severityName(severityNumber: number): string {
  if (severityNumber >= 21) return 'FATAL';
  if (severityNumber >= 17) return 'ERROR';
  if (severityNumber >= 13) return 'WARN';
  if (severityNumber >= 9) return 'INFO';
  if (severityNumber >= 5) return 'DEBUG';
  return severityNumber > 0 ? 'TRACE' : 'UNSPECIFIED';
}
