/** Response shapes of the query API (docs/api.md). Times are Unix milliseconds (fractional). */

/** A behaviour pattern the server detects in a replay (`insights` on a session, when the server provides it). */
export type InsightType = 'rage-click' | 'dead-click' | 'double-submit' | 'error-click' | 'slow-frame';

export const INSIGHT_TYPES: readonly InsightType[] = [
  'rage-click',
  'dead-click',
  'double-submit',
  'error-click',
  'slow-frame',
];

/** A finding on `GET /api/sessions/:id` → `insights` (docs/api.md, Insights). */
export interface Insight {
  /** One of `InsightType`; a type this UI does not know yet is skipped. */
  type: string;
  /** The browser's Unix ms of the (first) click or of the start of the slow frame. */
  timeMs: number;
  /** rrweb node id of the clicked element. */
  targetId?: number;
  /** Clicks in a rage-click burst or a double submit. */
  count?: number;
  durationMs?: number;
  /** Trace ids of the requests involved (double submits, error clicks). */
  traceIds?: string[];
  /** A short reason: the error message, the failed request, the metric. */
  detail?: string;
}

export interface SessionSummary {
  sessionId: string;
  userId: string | null;
  startedAtMs: number;
  endedAtMs: number;
  durationMs: number;
  spanCount: number;
  logCount: number;
  /** Backend errors (spans with status ERROR, logs of severity ERROR or above). */
  errorCount: number;
  hasReplay?: boolean;
  firstUrl?: string | null;
  urls?: string[];
  pageCount?: number;
  activeMs?: number;
  userTraits?: Record<string, unknown> | null;
  userAgent?: string | null;
  browser?: string | null;
  browserVersion?: string | null;
  os?: string | null;
  deviceType?: string | null;
  clickCount?: number;
  jsErrorCount?: number;
  consoleErrorCount?: number;
  failedRequestCount?: number;
  previousSessionId?: string | null;
  replayBytes?: number;
  eventCount?: number;
  /** Only on `GET /api/sessions/:id`: the first 500 findings, by time. */
  insights?: Insight[];
  rageClickCount?: number;
  deadClickCount?: number;
  doubleSubmitCount?: number;
  errorClickCount?: number;
  slowFrameCount?: number;
  /** Server clock − browser clock, estimated from the replay batches (docs/api.md); null if unknown. */
  clockOffsetMs?: number | null;
}

export interface SessionListPage {
  sessions: SessionSummary[];
  nextCursor: string | null;
}

export type SpanKindName = 'UNSPECIFIED' | 'INTERNAL' | 'SERVER' | 'CLIENT' | 'PRODUCER' | 'CONSUMER';
export type StatusCodeName = 'UNSET' | 'OK' | 'ERROR';

export interface SpanEvent {
  name: string;
  timeMs?: number;
  attributes?: Record<string, unknown>;
}

export interface Span {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: SpanKindName;
  serviceName: string | null;
  startTimeMs: number;
  endTimeMs: number;
  durationMs: number;
  statusCode: StatusCodeName;
  statusMessage: string | null;
  sessionId: string | null;
  attributes: Record<string, unknown>;
  resource: Record<string, unknown>;
  scope: { name?: string; version?: string } | null;
  events: SpanEvent[];
  links: unknown[];
}

export interface TraceSummary {
  traceId: string;
  sessionId: string | null;
  name: string;
  serviceName: string | null;
  startTimeMs: number;
  endTimeMs: number;
  durationMs: number;
  spanCount: number;
  errorCount: number;
  spans: Span[];
}

export interface LogEntry {
  timeMs: number;
  observedTimeMs: number;
  severityNumber: number;
  severity: string | null;
  body: string | null;
  traceId: string | null;
  spanId: string | null;
  serviceName: string | null;
  sessionId: string | null;
  attributes: Record<string, unknown>;
  resource: Record<string, unknown>;
}

export interface SessionTraces {
  sessionId: string;
  traces: TraceSummary[];
  /** The session has more traces than the first 1000 listed. */
  truncated?: boolean;
}

export interface SessionLogsPage {
  sessionId: string;
  logs: LogEntry[];
  nextCursor: string | null;
}

export interface TraceDetail extends TraceSummary {
  logs: LogEntry[];
}

/** One page of `GET /api/sessions/:id/events`. */
export interface SessionEventsPage {
  sessionId: string;
  events: unknown[];
  /** Where the next page starts, or null when this page is the last. */
  nextSeq: number | null;
}
