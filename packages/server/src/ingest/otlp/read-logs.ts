import type { LogRecord, TelemetryBatch } from '../../storage/store.js';
import { readAnyValue, readEnum, readId, readKeyValues, readString, readTimeUs } from './otlp-values.js';
import { field, listField, readScopeJson } from './read-traces.js';
import { RejectionLog } from './rejection-log.js';
import { ResourceTable } from './resource-table.js';
import { SessionActivityTally } from './session-activity-tally.js';
import { findSessionId, findUserId } from './session-attributes.js';

export interface ReadLogsResult {
  batch: TelemetryBatch;
  rejected: number;
  rejectionMessage: string;
}

/** OTLP severity 17 and above is ERROR or FATAL. */
const FIRST_ERROR_SEVERITY = 17;

/**
 * Turns an ExportLogsServiceRequest (OTLP/JSON or decoded protobuf) into rows. A record
 * without a timestamp takes its observed time, else the time it was received: the log
 * data model makes both optional, and a log line is worth keeping either way.
 */
export function readLogs(request: unknown, receivedUs: number): ReadLogsResult {
  const resources = new ResourceTable();
  const sessions = new SessionActivityTally();
  const rejections = new RejectionLog('log record');
  const logs: LogRecord[] = [];

  for (const resourceLogs of listField(request, 'resourceLogs')) {
    const resource = resources.read(field(resourceLogs, 'resource'));
    for (const scopeLogs of listField(resourceLogs, 'scopeLogs')) {
      const scopeJson = readScopeJson(field(scopeLogs, 'scope'));
      for (const raw of listField(scopeLogs, 'logRecords')) {
        if (typeof raw !== 'object' || raw === null) {
          rejections.reject('is not an object');
          continue;
        }
        const record = raw as Record<string, unknown>;
        const attributes = readKeyValues(record.attributes);
        const observedUs = positiveOr(readTimeUs(record.observedTimeUnixNano), receivedUs);
        const timeUs = positiveOr(readTimeUs(record.timeUnixNano), observedUs);
        const severityNumber = readEnum(record.severityNumber, 24);
        const sessionId = findSessionId(attributes, resource.attributes);
        if (sessionId) {
          sessions.addLog(
            sessionId,
            findUserId(attributes, resource.attributes),
            timeUs,
            severityNumber >= FIRST_ERROR_SEVERITY,
          );
        }
        logs.push({
          timeUs,
          observedUs,
          severityNumber,
          severityText: readString(record.severityText),
          body: readBody(record.body),
          traceId: readId(record.traceId, 16),
          spanId: readId(record.spanId, 8),
          serviceName: resource.serviceName,
          sessionId,
          attributesJson: JSON.stringify(attributes),
          resourceId: resource.id,
          scopeJson,
        });
      }
    }
  }

  return {
    batch: { resources: resources.records(), spans: [], logs, sessions: sessions.activities() },
    rejected: rejections.count,
    rejectionMessage: rejections.message(),
  };
}

function readBody(body: unknown): string | null {
  const value = readAnyValue(body);
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function positiveOr(us: number, fallback: number): number {
  return Number.isSafeInteger(us) && us > 0 ? us : fallback;
}
