import type pg from 'pg';
import { DuplicateSpanTally } from '../internal/duplicate-span-tally.js';
import type { LogRecord, SessionActivity, SpanRecord, TelemetryBatch } from '../store.js';
import type { PartitionKeeper } from './partitions.js';
import { withPoolClient } from './pool.js';
import { sanitizeJson, sanitizeText } from './sanitize.js';
import { runInTransaction } from './transaction.js';

/**
 * The PostgreSQL write path: one transaction per batch and one statement per table,
 * whatever the batch size. Rows travel as one array per column and `unnest` turns
 * them back into rows, so the statement text and its parameter count stay fixed (no
 * 65,535-parameter limit, one plan).
 */
export interface TelemetryWriter {
  /** Resolves once the batch is committed; on error it is rolled back and the error rethrown. */
  write(orgId: number, batch: TelemetryBatch): Promise<void>;
}

const INSERT_RESOURCES = `
  INSERT INTO resources (org_id, id, attributes)
  SELECT $1, * FROM unnest($2::text[], $3::jsonb[])
  ON CONFLICT DO NOTHING`;

// DO NOTHING: a span already stored (an exporter's retry) is kept once; RETURNING says
// which rows went in, so the skipped ones are not counted again in their session
const INSERT_SPANS = `
  INSERT INTO spans (org_id, trace_id, span_id, parent_span_id, name, kind, service_name, start_us, end_us,
    status_code, status_message, session_id, attributes, resource_id, scope, events, links)
  SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::bigint[],
    $9::bigint[], $10::int[], $11::text[], $12::text[], $13::jsonb[], $14::text[], $15::jsonb[], $16::jsonb[],
    $17::jsonb[])
  ON CONFLICT DO NOTHING
  RETURNING trace_id, span_id, start_us`;

const INSERT_LOGS = `
  INSERT INTO logs (org_id, time_us, observed_us, severity_number, severity_text, body, trace_id, span_id,
    service_name, session_id, attributes, resource_id, scope)
  SELECT $1, * FROM unnest($2::bigint[], $3::bigint[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[],
    $9::text[], $10::text[], $11::jsonb[], $12::text[], $13::jsonb[])`;

const UPSERT_SESSIONS = `
  INSERT INTO sessions (org_id, session_id, user_id, started_us, ended_us, span_count, log_count, error_count)
  SELECT $1, * FROM unnest($2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::int[], $7::int[], $8::int[])
  ON CONFLICT (org_id, session_id) DO UPDATE SET
    user_id = coalesce(excluded.user_id, sessions.user_id),
    started_us = least(sessions.started_us, excluded.started_us),
    ended_us = greatest(sessions.ended_us, excluded.ended_us),
    span_count = sessions.span_count + excluded.span_count,
    log_count = sessions.log_count + excluded.log_count,
    error_count = sessions.error_count + excluded.error_count`;

export function createTelemetryWriter(pool: pg.Pool, partitions: PartitionKeeper): TelemetryWriter {
  return {
    write(orgId, batch) {
      return withPoolClient(pool, async (client) => {
        // before BEGIN: a new partition is its own short transaction, never part of the batch
        await partitions.ensurePartitions(
          client,
          'spans',
          batch.spans.map((span) => span.startUs),
        );
        await partitions.ensurePartitions(
          client,
          'logs',
          batch.logs.map((log) => log.timeUs),
        );
        await runInTransaction(client, () => writeBatch(client, orgId, batch));
      });
    },
  };
}

async function writeBatch(client: pg.PoolClient, orgId: number, batch: TelemetryBatch): Promise<void> {
  if (batch.resources.length > 0) {
    // sorted like spans and sessions: concurrent batches lock shared keys in one order
    const resources = batch.resources
      .map((resource) => ({ id: sanitizeText(resource.id), attributesJson: sanitizeJson(resource.attributesJson) }))
      .sort((a, b) => compareText(a.id, b.id));
    await client.query(INSERT_RESOURCES, [
      orgId,
      resources.map((resource) => resource.id),
      resources.map((resource) => resource.attributesJson),
    ]);
  }
  const duplicates = batch.spans.length > 0 ? await insertSpans(client, orgId, batch.spans) : new DuplicateSpanTally();
  if (batch.logs.length > 0) await client.query(INSERT_LOGS, [orgId, ...toLogColumns(batch.logs)]);
  const sessions = mergeSessionActivity(batch.sessions).map((activity) => duplicates.subtractFrom(activity));
  if (sessions.length > 0) await client.query(UPSERT_SESSIONS, [orgId, ...toSessionColumns(sessions)]);
}

async function insertSpans(client: pg.PoolClient, orgId: number, spans: SpanRecord[]): Promise<DuplicateSpanTally> {
  const clean = spans.map(sanitizeSpan);
  // one order for every writer: two replicas inserting overlapping batches take the
  // unique-index locks in the same order and cannot deadlock
  clean.sort(compareSpanKeys);
  const { rows } = await client.query<{ trace_id: string; span_id: string; start_us: number }>(INSERT_SPANS, [
    orgId,
    ...toSpanColumns(clean),
  ]);
  // a multiset: a span sent twice in one batch is inserted once and skipped once
  const inserted = new Map<string, number>();
  for (const row of rows) {
    const key = toSpanKey(row.trace_id, row.span_id, row.start_us);
    inserted.set(key, (inserted.get(key) ?? 0) + 1);
  }
  const duplicates = new DuplicateSpanTally();
  for (const span of clean) {
    const key = toSpanKey(span.traceId, span.spanId, span.startUs);
    const left = inserted.get(key) ?? 0;
    if (left > 0) inserted.set(key, left - 1);
    else duplicates.add(span);
  }
  return duplicates;
}

function toSpanKey(traceId: string, spanId: string, startUs: number): string {
  return `${traceId}/${spanId}/${startUs}`;
}

function compareSpanKeys(a: SpanRecord, b: SpanRecord): number {
  return compareText(a.traceId, b.traceId) || compareText(a.spanId, b.spanId) || a.startUs - b.startUs;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sanitizeSpan(span: SpanRecord): SpanRecord {
  return {
    traceId: sanitizeText(span.traceId),
    spanId: sanitizeText(span.spanId),
    parentSpanId: sanitizeText(span.parentSpanId),
    name: sanitizeText(span.name),
    kind: span.kind,
    serviceName: sanitizeText(span.serviceName),
    startUs: span.startUs,
    endUs: span.endUs,
    statusCode: span.statusCode,
    statusMessage: sanitizeText(span.statusMessage),
    sessionId: sanitizeText(span.sessionId),
    attributesJson: sanitizeJson(span.attributesJson),
    resourceId: sanitizeText(span.resourceId),
    scopeJson: sanitizeJson(span.scopeJson),
    eventsJson: sanitizeJson(span.eventsJson),
    linksJson: sanitizeJson(span.linksJson),
  };
}

function toSpanColumns(spans: SpanRecord[]): unknown[][] {
  return [
    spans.map((span) => span.traceId),
    spans.map((span) => span.spanId),
    spans.map((span) => span.parentSpanId),
    spans.map((span) => span.name),
    spans.map((span) => span.kind),
    spans.map((span) => span.serviceName),
    spans.map((span) => span.startUs),
    spans.map((span) => span.endUs),
    spans.map((span) => span.statusCode),
    spans.map((span) => span.statusMessage),
    spans.map((span) => span.sessionId),
    spans.map((span) => span.attributesJson),
    spans.map((span) => span.resourceId),
    spans.map((span) => span.scopeJson),
    spans.map((span) => span.eventsJson),
    spans.map((span) => span.linksJson),
  ];
}

function toLogColumns(logs: LogRecord[]): unknown[][] {
  return [
    logs.map((log) => log.timeUs),
    logs.map((log) => log.observedUs),
    logs.map((log) => log.severityNumber),
    logs.map((log) => sanitizeText(log.severityText)),
    logs.map((log) => sanitizeText(log.body)),
    logs.map((log) => sanitizeText(log.traceId)),
    logs.map((log) => sanitizeText(log.spanId)),
    logs.map((log) => sanitizeText(log.serviceName)),
    logs.map((log) => sanitizeText(log.sessionId)),
    logs.map((log) => sanitizeJson(log.attributesJson)),
    logs.map((log) => sanitizeText(log.resourceId)),
    logs.map((log) => sanitizeJson(log.scopeJson)),
  ];
}

/**
 * One row per session, in session order: ON CONFLICT DO UPDATE may touch a row only
 * once per statement, and a fixed order keeps concurrent upserts free of deadlocks.
 * Merging gives what applying the activities one by one would (the last user id wins).
 */
function mergeSessionActivity(activities: SessionActivity[]): SessionActivity[] {
  const merged = new Map<string, SessionActivity>();
  for (const activity of activities) {
    const sessionId = sanitizeText(activity.sessionId);
    const userId = sanitizeText(activity.userId);
    const seen = merged.get(sessionId);
    merged.set(
      sessionId,
      seen
        ? {
            sessionId,
            userId: userId ?? seen.userId,
            firstUs: Math.min(seen.firstUs, activity.firstUs),
            lastUs: Math.max(seen.lastUs, activity.lastUs),
            spanCount: seen.spanCount + activity.spanCount,
            logCount: seen.logCount + activity.logCount,
            errorCount: seen.errorCount + activity.errorCount,
          }
        : { ...activity, sessionId, userId },
    );
  }
  return [...merged.values()].sort((a, b) => compareText(a.sessionId, b.sessionId));
}

function toSessionColumns(sessions: SessionActivity[]): unknown[][] {
  return [
    sessions.map((session) => session.sessionId),
    sessions.map((session) => session.userId),
    sessions.map((session) => session.firstUs),
    sessions.map((session) => session.lastUs),
    sessions.map((session) => session.spanCount),
    sessions.map((session) => session.logCount),
    sessions.map((session) => session.errorCount),
  ];
}
