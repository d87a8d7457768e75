/**
 * The storage contract. Two engines implement it — `sqlite/` (embedded default) and
 * `postgres/` (production) — and one conformance suite (`test/storage/`) runs against both.
 *
 * Times are integer microseconds since the Unix epoch in records going in (`…Us`), and
 * float milliseconds (`…Ms`) in what comes out, which is what the UI and API speak.
 * Microseconds keep OTLP's precision where it matters while staying exact in a JS number.
 */

import type { SessionInsight } from '../insights/insight.js';
import type { BatchInsightSignals } from '../insights/signals.js';
import type { SessionFilters, SessionSort } from '../query/session-search.js';

export type StorageEngine = 'sqlite' | 'postgres';

export interface Org {
  id: number;
  name: string;
  createdAtMs: number;
}

/** `ingest` keys are public and write-only; `admin` tokens are secret and read the org's data. */
export type ApiKeyKind = 'ingest' | 'admin';

export interface ApiKeyRecord {
  orgId: number;
  kind: ApiKeyKind;
  /** sha256 of the key, hex: keys are never stored in clear. */
  hash: string;
  /** The first characters of the key, so an operator can tell keys apart. */
  prefix: string;
}

/** A span ready to store. JSON columns arrive serialized: the ingest path serializes once. */
export interface SpanRecord {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  /** OTLP SpanKind number (0 unspecified … 5 consumer). */
  kind: number;
  serviceName: string | null;
  startUs: number;
  endUs: number;
  /** OTLP StatusCode number (0 unset, 1 ok, 2 error). */
  statusCode: number;
  statusMessage: string | null;
  sessionId: string | null;
  attributesJson: string;
  /** Points into `TelemetryBatch.resources`: a resource is stored once, not on every span. */
  resourceId: string;
  scopeJson: string | null;
  eventsJson: string | null;
  linksJson: string | null;
}

export interface LogRecord {
  timeUs: number;
  observedUs: number;
  severityNumber: number;
  severityText: string | null;
  /** The body as text: a string body as is, a structured body as JSON. */
  body: string | null;
  traceId: string | null;
  spanId: string | null;
  serviceName: string | null;
  sessionId: string | null;
  attributesJson: string;
  resourceId: string;
  scopeJson: string | null;
}

/** A resource (service.name, host, SDK…) shared by many spans and logs, keyed by a hash of its attributes. */
export interface ResourceRecord {
  id: string;
  attributesJson: string;
}

/** What one ingest batch tells about a session; merged into the session's summary. */
export interface SessionActivity {
  sessionId: string;
  userId: string | null;
  firstUs: number;
  lastUs: number;
  spanCount: number;
  logCount: number;
  errorCount: number;
}

export interface TelemetryBatch {
  resources: ResourceRecord[];
  spans: SpanRecord[];
  logs: LogRecord[];
  sessions: SessionActivity[];
}

/** One replay batch ready to store (`POST /v1/replay`), unique per (org, session, seq). */
export interface ReplayBatchRecord {
  sessionId: string;
  seq: number;
  receivedUs: number;
  firstEventUs: number;
  lastEventUs: number;
  eventCount: number;
  /** The batch's JSON, gzip-compressed: stored as it came when nothing had to be scrubbed. */
  payload: Buffer;
}

/** What one replay batch tells about its session; merged into the session's summary. */
export interface SessionReplayActivity {
  sessionId: string;
  firstUs: number;
  lastUs: number;
  /** From `sightline.identify`: the last one of the batch wins, null keeps the stored one. */
  userId: string | null;
  /** A JSON object merged key by key over the stored traits (later batches win), or null. */
  userTraitsJson: string | null;
  /** Distinct page URLs of the batch in order of appearance; the session keeps the first 100. */
  urls: string[];
  pageCount: number;
  activeMs: number;
  clickCount: number;
  jsErrorCount: number;
  consoleErrorCount: number;
  failedRequestCount: number;
  eventCount: number;
  /** Bytes of the stored (gzip) payload. */
  replayBytes: number;
  previousSessionId: string | null;
  /** The first batch's values stick: the user agent of a session does not change. */
  userAgent: string | null;
  browser: string | null;
  browserVersion: string | null;
  os: string | null;
  deviceType: string | null;
  /** What insight detection reads from the batch; decided in the transaction, with the session's carry. */
  insightSignals: BatchInsightSignals;
  /**
   * Server receive time − the browser's `sentAtMs` for this batch, in ms: the browser's
   * clock skew plus the request's transit. The session keeps the smallest (least transit).
   * Null when the batch carried no usable `sentAtMs`.
   */
  clockOffsetMs: number | null;
  /**
   * Trace ids the recorder put in `traceparent` on the batch's requests: their backend
   * traces belong to the session even where the backend never set `session.id` (the first
   * document load, a service without the middleware).
   */
  traceIds: string[];
}

export interface SessionSummary {
  sessionId: string;
  userId: string | null;
  startedAtMs: number;
  endedAtMs: number;
  durationMs: number;
  spanCount: number;
  logCount: number;
  /** Backend errors: spans with status ERROR and logs of severity ERROR or above (JS errors: `jsErrorCount`). */
  errorCount: number;
  /** True once a replay batch was stored for the session. */
  hasReplay: boolean;
  firstUrl: string | null;
  urls: string[];
  pageCount: number;
  activeMs: number;
  userTraits: Record<string, unknown> | null;
  userAgent: string | null;
  browser: string | null;
  browserVersion: string | null;
  os: string | null;
  deviceType: string | null;
  clickCount: number;
  jsErrorCount: number;
  consoleErrorCount: number;
  failedRequestCount: number;
  previousSessionId: string | null;
  replayBytes: number;
  /** Replay events stored. */
  eventCount: number;
  /** Findings of each insight type (docs/api.md, Insights); they keep counting past the listed 500. */
  rageClickCount: number;
  deadClickCount: number;
  doubleSubmitCount: number;
  errorClickCount: number;
  slowFrameCount: number;
  /**
   * How far the server's clock is ahead of the browser's, in ms (negative: behind),
   * estimated from the replay batches' `sentAtMs` (an upper bound: it includes the
   * fastest batch's transit). Backend times minus this are on the replay's clock. Null
   * without replay batches that carried `sentAtMs`.
   */
  clockOffsetMs: number | null;
}

/** One session with its findings (`GET /api/sessions/:id`); the list leaves them out to stay light. */
export interface SessionDetail extends SessionSummary {
  /** The session's first 500 findings, by time. */
  insights: SessionInsight[];
}

/** A stored replay batch as read back, in `seq` order. */
export interface StoredReplayBatch {
  seq: number;
  eventCount: number;
  firstEventMs: number;
  lastEventMs: number;
  /** The gzip-compressed batch JSON. */
  payload: Buffer;
}

export interface ReplayBatchListOptions {
  /** The first seq to return (inclusive). */
  fromSeq: number;
  limit: number;
}

export interface StoredSpan {
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
  events: SpanEventView[];
  links: SpanLinkView[];
}

export interface SpanEventView {
  timeMs: number;
  name: string;
  attributes: Record<string, unknown>;
}

export interface SpanLinkView {
  traceId: string;
  spanId: string;
  attributes: Record<string, unknown>;
}

export interface StoredLog {
  timeMs: number;
  observedTimeMs: number;
  severityNumber: number;
  severity: string;
  body: string | null;
  traceId: string | null;
  spanId: string | null;
  serviceName: string | null;
  sessionId: string | null;
  attributes: Record<string, unknown>;
  resource: Record<string, unknown>;
}

export type SpanKindName = 'UNSPECIFIED' | 'INTERNAL' | 'SERVER' | 'CLIENT' | 'PRODUCER' | 'CONSUMER';
export type StatusCodeName = 'UNSET' | 'OK' | 'ERROR';

export interface Page<T> {
  items: T[];
  /** Opaque; pass back to get the next page. Null on the last page. */
  nextCursor: string | null;
}

export interface SessionListOptions {
  limit: number;
  /** From the previous page; it must come from the same sort. */
  cursor?: string | undefined;
  /** @default no filter */
  filters?: SessionFilters | undefined;
  /** @default 'newest' */
  sort?: SessionSort | undefined;
}

export interface LogListOptions {
  limit: number;
  cursor?: string | undefined;
}

/** Options for the read-only SQL of `POST /api/query`; the SQL was validated before it gets here. */
export interface ReadOnlyQueryOptions {
  timeoutMs: number;
  maxRows: number;
}

export interface QueryResult {
  columns: string[];
  rows: unknown[][];
  /** True when the result had more than `maxRows` rows and was cut. */
  truncated: boolean;
}

/** A browser's sign-in to the UI; the cookie holds the secret, the store its sha256. */
export interface UiSessionRecord {
  hash: string;
  orgId: number;
  expiresUs: number;
}

export interface Store {
  readonly engine: StorageEngine;

  createOrg(name: string): Promise<Org>;
  findOrgByName(name: string): Promise<Org | undefined>;
  listOrgs(): Promise<Org[]>;
  addApiKey(key: ApiKeyRecord): Promise<void>;
  findApiKey(hash: string): Promise<ApiKeyRecord | undefined>;
  createUiSession(session: UiSessionRecord): Promise<void>;
  findUiSession(hash: string): Promise<UiSessionRecord | undefined>;
  deleteUiSession(hash: string): Promise<void>;

  /** Stores a batch atomically; resolves only once it is committed. */
  insertTelemetry(orgId: number, batch: TelemetryBatch): Promise<void>;

  /**
   * Stores a replay batch and, only if its (session, seq) was new, merges `activity` into
   * the session, in one transaction. `stored: false` means the batch was already there
   * (a retry): nothing changed.
   */
  insertReplayBatch(
    orgId: number,
    batch: ReplayBatchRecord,
    activity: SessionReplayActivity,
  ): Promise<{ stored: boolean }>;
  /**
   * Decides the insights of sessions whose undecided clicks have waited for a next batch
   * since before `openBeforeMs` (server clock), at most `limit` sessions, each in its own
   * transaction. Returns how many sessions were settled (`insights/insight-settler.ts`).
   */
  settleOpenInsights(openBeforeMs: number, limit: number): Promise<number>;
  /** The session's replay batches with seq ≥ `fromSeq`, by seq, at most `limit`. */
  listReplayBatches(orgId: number, sessionId: string, options: ReplayBatchListOptions): Promise<StoredReplayBatch[]>;

  /** Sessions matching the filters, in the sort's order, keyset-paged. */
  listSessions(orgId: number, options: SessionListOptions): Promise<Page<SessionSummary>>;
  getSession(orgId: number, sessionId: string): Promise<SessionDetail | undefined>;
  /** Every span of every trace that touched the session (also the spans without `session.id`). */
  listSessionTraceSpans(orgId: number, sessionId: string, maxTraces: number): Promise<StoredSpan[]>;
  listSessionLogs(orgId: number, sessionId: string, options: LogListOptions): Promise<Page<StoredLog>>;
  listTraceSpans(orgId: number, traceId: string): Promise<StoredSpan[]>;
  /** The session whose recorded requests carried this trace id, if any. */
  findSessionOfTrace(orgId: number, traceId: string): Promise<string | undefined>;
  listTraceLogs(orgId: number, traceId: string, limit: number): Promise<StoredLog[]>;

  /** Runs validated read-only SQL over the org-scoped views `traces`, `logs`, `sessions`. */
  runReadOnlyQuery(orgId: number, sql: string, options: ReadOnlyQueryOptions): Promise<QueryResult>;

  close(): Promise<void>;
}
