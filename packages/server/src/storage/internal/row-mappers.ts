import type {
  SessionSummary,
  SpanEventView,
  SpanKindName,
  SpanLinkView,
  StatusCodeName,
  StoredLog,
  StoredSpan,
} from '../store.js';

/** Column names shared by both engines' span queries (see `span-columns` in each adapter). */
export interface SpanRow {
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  name: string;
  kind: number;
  service_name: string | null;
  start_us: number;
  end_us: number;
  status_code: number;
  status_message: string | null;
  session_id: string | null;
  attributes: unknown;
  resource: unknown;
  scope: unknown;
  events: unknown;
  links: unknown;
}

export interface LogRow {
  time_us: number;
  observed_us: number;
  severity_number: number;
  severity_text: string | null;
  body: string | null;
  trace_id: string | null;
  span_id: string | null;
  service_name: string | null;
  session_id: string | null;
  attributes: unknown;
  resource: unknown;
}

export interface SessionRow {
  session_id: string;
  user_id: string | null;
  started_us: number;
  ended_us: number;
  span_count: number;
  log_count: number;
  error_count: number;
}

const SPAN_KINDS: readonly SpanKindName[] = ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];
const STATUS_CODES: readonly StatusCodeName[] = ['UNSET', 'OK', 'ERROR'];
const SEVERITIES = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'] as const;

export function toSpanKindName(kind: number): SpanKindName {
  return SPAN_KINDS[kind] ?? 'UNSPECIFIED';
}

export function toStatusCodeName(code: number): StatusCodeName {
  return STATUS_CODES[code] ?? 'UNSET';
}

/** OTLP severity numbers come in bands of four (1–4 TRACE … 21–24 FATAL). */
export function toSeverityName(severityNumber: number, severityText: string | null): string {
  if (severityText) return severityText;
  if (severityNumber < 1) return 'UNSPECIFIED';
  return SEVERITIES[Math.min(Math.floor((severityNumber - 1) / 4), SEVERITIES.length - 1)] ?? 'UNSPECIFIED';
}

/** SQLite hands JSON columns back as text, PostgreSQL's jsonb as parsed values. */
export function readJson<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  if (typeof value === 'string') return JSON.parse(value) as T;
  return value as T;
}

export function usToMs(us: number): number {
  return us / 1000;
}

interface RawEvent {
  timeUs: number;
  name: string;
  attributes: Record<string, unknown>;
}

export function mapSpanRow(row: SpanRow): StoredSpan {
  const events = readJson<RawEvent[]>(row.events, []);
  return {
    traceId: row.trace_id,
    spanId: row.span_id,
    parentSpanId: row.parent_span_id,
    name: row.name,
    kind: toSpanKindName(row.kind),
    serviceName: row.service_name,
    startTimeMs: usToMs(row.start_us),
    endTimeMs: usToMs(row.end_us),
    durationMs: usToMs(row.end_us - row.start_us),
    statusCode: toStatusCodeName(row.status_code),
    statusMessage: row.status_message,
    sessionId: row.session_id,
    attributes: readJson(row.attributes, {}),
    resource: readJson(row.resource, {}),
    scope: readJson(row.scope, null),
    events: events.map(
      (event): SpanEventView => ({ timeMs: usToMs(event.timeUs), name: event.name, attributes: event.attributes }),
    ),
    links: readJson<SpanLinkView[]>(row.links, []),
  };
}

export function mapLogRow(row: LogRow): StoredLog {
  return {
    timeMs: usToMs(row.time_us),
    observedTimeMs: usToMs(row.observed_us),
    severityNumber: row.severity_number,
    severity: toSeverityName(row.severity_number, row.severity_text),
    body: row.body,
    traceId: row.trace_id,
    spanId: row.span_id,
    serviceName: row.service_name,
    sessionId: row.session_id,
    attributes: readJson(row.attributes, {}),
    resource: readJson(row.resource, {}),
  };
}

export function mapSessionRow(row: SessionRow): SessionSummary {
  return {
    sessionId: row.session_id,
    userId: row.user_id,
    startedAtMs: usToMs(row.started_us),
    endedAtMs: usToMs(row.ended_us),
    durationMs: usToMs(row.ended_us - row.started_us),
    spanCount: row.span_count,
    logCount: row.log_count,
    errorCount: row.error_count,
  };
}
