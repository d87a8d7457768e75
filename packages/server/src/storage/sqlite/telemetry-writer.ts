import type { Database } from 'better-sqlite3';
import { DuplicateSpanTally } from '../internal/duplicate-span-tally.js';
import type { TelemetryBatch } from '../store.js';

/**
 * The SQLite write path: one transaction per batch with statements prepared once.
 * better-sqlite3 is synchronous, so when `write` returns the batch is committed.
 */
export function createTelemetryWriter(db: Database): { write(orgId: number, batch: TelemetryBatch): void } {
  const insertResource = db.prepare('INSERT OR IGNORE INTO resources (org_id, id, attributes) VALUES (?, ?, ?)');
  // OR IGNORE: a span already stored (an exporter's retry) is kept once
  const insertSpan = db.prepare(
    `INSERT OR IGNORE INTO spans (org_id, trace_id, span_id, parent_span_id, name, kind, service_name, start_us, end_us,
       status_code, status_message, session_id, attributes, resource_id, scope, events, links)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLog = db.prepare(
    `INSERT INTO logs (org_id, time_us, observed_us, severity_number, severity_text, body, trace_id, span_id,
       service_name, session_id, attributes, resource_id, scope)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const upsertSession = db.prepare(
    `INSERT INTO sessions (org_id, session_id, user_id, started_us, ended_us, span_count, log_count, error_count)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (org_id, session_id) DO UPDATE SET
       user_id = coalesce(excluded.user_id, sessions.user_id),
       started_us = min(sessions.started_us, excluded.started_us),
       ended_us = max(sessions.ended_us, excluded.ended_us),
       span_count = sessions.span_count + excluded.span_count,
       log_count = sessions.log_count + excluded.log_count,
       error_count = sessions.error_count + excluded.error_count`,
  );

  const writeBatch = db.transaction((orgId: number, batch: TelemetryBatch) => {
    for (const resource of batch.resources) insertResource.run(orgId, resource.id, resource.attributesJson);
    const duplicates = new DuplicateSpanTally();
    for (const span of batch.spans) {
      const { changes } = insertSpan.run(
        orgId,
        span.traceId,
        span.spanId,
        span.parentSpanId,
        span.name,
        span.kind,
        span.serviceName,
        span.startUs,
        span.endUs,
        span.statusCode,
        span.statusMessage,
        span.sessionId,
        span.attributesJson,
        span.resourceId,
        span.scopeJson,
        span.eventsJson,
        span.linksJson,
      );
      if (changes === 0) duplicates.add(span);
    }
    for (const log of batch.logs) {
      insertLog.run(
        orgId,
        log.timeUs,
        log.observedUs,
        log.severityNumber,
        log.severityText,
        log.body,
        log.traceId,
        log.spanId,
        log.serviceName,
        log.sessionId,
        log.attributesJson,
        log.resourceId,
        log.scopeJson,
      );
    }
    for (const activity of batch.sessions) {
      const session = duplicates.subtractFrom(activity);
      upsertSession.run(
        orgId,
        session.sessionId,
        session.userId,
        session.firstUs,
        session.lastUs,
        session.spanCount,
        session.logCount,
        session.errorCount,
      );
    }
  });

  return {
    write(orgId, batch) {
      writeBatch(orgId, batch);
    },
  };
}
