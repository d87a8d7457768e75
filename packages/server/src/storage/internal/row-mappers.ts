import type { SessionInsight } from '../../insights/insight.js';
import type {
  SessionDetail,
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

/** The `sessions` columns both engines select for a `SessionSummary`, in `SessionRow` order. */
export const SESSION_COLUMNS = `session_id, user_id, started_us, ended_us, span_count, log_count, error_count,
  has_replay, first_url, urls, page_count, active_ms, user_traits, user_agent, browser, browser_version, os,
  device_type, click_count, js_error_count, console_error_count, failed_request_count, previous_session_id,
  replay_bytes, event_count, rage_click_count, dead_click_count, double_submit_count, error_click_count,
  slow_frame_count, clock_offset_ms`;

/** A `SessionDetail`: the summary and the findings. */
export const SESSION_DETAIL_COLUMNS = `${SESSION_COLUMNS}, insights`;

export interface SessionRow {
  session_id: string;
  user_id: string | null;
  started_us: number;
  ended_us: number;
  span_count: number;
  log_count: number;
  error_count: number;
  /** SQLite: 0/1; PostgreSQL: boolean. */
  has_replay: number | boolean;
  first_url: string | null;
  urls: unknown;
  page_count: number;
  active_ms: number;
  user_traits: unknown;
  user_agent: string | null;
  browser: string | null;
  browser_version: string | null;
  os: string | null;
  device_type: string | null;
  click_count: number;
  js_error_count: number;
  console_error_count: number;
  failed_request_count: number;
  previous_session_id: string | null;
  replay_bytes: number;
  event_count: number;
  rage_click_count: number;
  dead_click_count: number;
  double_submit_count: number;
  error_click_count: number;
  slow_frame_count: number;
  clock_offset_ms: number | null;
}

export interface SessionDetailRow extends SessionRow {
  insights: unknown;
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
    hasReplay: Boolean(row.has_replay),
    firstUrl: row.first_url,
    urls: readJson<string[]>(row.urls, []),
    pageCount: row.page_count,
    activeMs: row.active_ms,
    userTraits: readJson<Record<string, unknown> | null>(row.user_traits, null),
    userAgent: row.user_agent,
    browser: row.browser,
    browserVersion: row.browser_version,
    os: row.os,
    deviceType: row.device_type,
    clickCount: row.click_count,
    jsErrorCount: row.js_error_count,
    consoleErrorCount: row.console_error_count,
    failedRequestCount: row.failed_request_count,
    previousSessionId: row.previous_session_id,
    replayBytes: row.replay_bytes,
    eventCount: row.event_count,
    rageClickCount: row.rage_click_count,
    deadClickCount: row.dead_click_count,
    doubleSubmitCount: row.double_submit_count,
    errorClickCount: row.error_click_count,
    slowFrameCount: row.slow_frame_count,
    clockOffsetMs: row.clock_offset_ms === null ? null : Number(row.clock_offset_ms),
  };
}

export function mapSessionDetailRow(row: SessionDetailRow): SessionDetail {
  return { ...mapSessionRow(row), insights: readJson<SessionInsight[]>(row.insights, []) };
}
