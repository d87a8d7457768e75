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
  // A session's row is merged column by column, each only when its value changes: SQLite
  // rewrites the entry of every index over a column an UPDATE sets, even to the same value,
  // and the session indexes (by start, duration, errors, user) sit at scattered places. The
  // upsert sets the counts no index covers (the errors only when there are some); the
  // updates after it are no-ops on a row it has just inserted.
  const upsertSession = (errorSql: string) =>
    db.prepare(
      `INSERT INTO sessions (org_id, session_id, user_id, started_us, ended_us, span_count, log_count, error_count)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (org_id, session_id) DO UPDATE SET
         span_count = sessions.span_count + excluded.span_count,
         log_count = sessions.log_count + excluded.log_count${errorSql}`,
    );
  const upsertSessionCounts = upsertSession('');
  const upsertSessionWithErrors = upsertSession(', error_count = sessions.error_count + excluded.error_count');
  const extendSession = db.prepare(
    'UPDATE sessions SET ended_us = ? WHERE org_id = ? AND session_id = ? AND ended_us < ?',
  );
  const startSessionEarlier = db.prepare(
    'UPDATE sessions SET started_us = ? WHERE org_id = ? AND session_id = ? AND started_us > ?',
  );
  const setSessionUser = db.prepare(
    'UPDATE sessions SET user_id = ? WHERE org_id = ? AND session_id = ? AND user_id IS NOT ?',
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
      const { sessionId, userId, firstUs, lastUs, spanCount, logCount, errorCount } = duplicates.subtractFrom(activity);
      const upsert = errorCount === 0 ? upsertSessionCounts : upsertSessionWithErrors;
      upsert.run(orgId, sessionId, userId, firstUs, lastUs, spanCount, logCount, errorCount);
      extendSession.run(lastUs, orgId, sessionId, lastUs);
      startSessionEarlier.run(firstUs, orgId, sessionId, firstUs);
      // a batch without the user id leaves the one stored
      if (userId !== null) setSessionUser.run(userId, orgId, sessionId, userId);
    }
  });

  return {
    write(orgId, batch) {
      writeBatch(orgId, batch);
    },
  };
}
