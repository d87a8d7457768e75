import { SightlineError } from '../../errors.js';
import type { SpanRecord, TelemetryBatch } from '../../storage/store.js';
import { readEnum, readId, readKeyValues, readString, readTimeUs } from './otlp-values.js';
import { RejectionLog } from './rejection-log.js';
import { ResourceTable } from './resource-table.js';
import { SessionActivityTally } from './session-activity-tally.js';
import { findSessionId, findUserId } from './session-attributes.js';

export interface ReadTracesResult {
  batch: TelemetryBatch;
  rejected: number;
  /** Why spans were rejected, for the OTLP partial-success message; empty when none were. */
  rejectionMessage: string;
}

const STATUS_ERROR = 2;

/**
 * Turns an ExportTraceServiceRequest — parsed OTLP/JSON or decoded protobuf, which share
 * field names — into rows. A span without a valid trace id, span id or start time is
 * rejected on its own (OTLP partial success); a request of the wrong shape is refused whole.
 */
export function readTraces(request: unknown): ReadTracesResult {
  const resourceSpansList = listField(request, 'resourceSpans');
  const resources = new ResourceTable();
  const sessions = new SessionActivityTally();
  const rejections = new RejectionLog('span');
  const spans: SpanRecord[] = [];

  for (const resourceSpans of resourceSpansList) {
    const resource = resources.read(field(resourceSpans, 'resource'));
    for (const scopeSpans of listField(resourceSpans, 'scopeSpans')) {
      const scopeJson = readScopeJson(field(scopeSpans, 'scope'));
      for (const span of listField(scopeSpans, 'spans')) {
        const record = readSpan(span, resource.id, resource.serviceName, scopeJson, rejections);
        if (!record) continue;
        const attributes = record.attributes;
        record.span.sessionId = findSessionId(attributes, resource.attributes);
        if (record.span.sessionId) {
          sessions.addSpan(
            record.span.sessionId,
            findUserId(attributes, resource.attributes),
            record.span.startUs,
            record.span.endUs,
            record.span.statusCode === STATUS_ERROR,
          );
        }
        spans.push(record.span);
      }
    }
  }

  return {
    batch: { resources: resources.records(), spans, logs: [], sessions: sessions.activities() },
    rejected: rejections.count,
    rejectionMessage: rejections.message(),
  };
}

function readSpan(
  span: unknown,
  resourceId: string,
  serviceName: string | null,
  scopeJson: string | null,
  rejections: RejectionLog,
): { span: SpanRecord; attributes: Record<string, unknown> } | null {
  if (typeof span !== 'object' || span === null) return rejections.reject('is not an object');
  const raw = span as Record<string, unknown>;
  const traceId = readId(raw.traceId, 16);
  if (!traceId) return rejections.reject('has an invalid traceId (want 32 hex characters, not all zero)');
  const spanId = readId(raw.spanId, 8);
  if (!spanId) return rejections.reject('has an invalid spanId (want 16 hex characters, not all zero)');
  const startUs = readTimeUs(raw.startTimeUnixNano);
  if (!Number.isSafeInteger(startUs) || startUs <= 0) {
    return rejections.reject('has no valid startTimeUnixNano');
  }
  const endUsRaw = readTimeUs(raw.endTimeUnixNano);
  // a span still open or with a clock going backwards is kept, with zero duration
  const endUs = Number.isSafeInteger(endUsRaw) && endUsRaw >= startUs ? endUsRaw : startUs;
  const attributes = readKeyValues(raw.attributes);
  const status = field(raw, 'status');

  return {
    attributes,
    span: {
      traceId,
      spanId,
      parentSpanId: readId(raw.parentSpanId, 8),
      name: typeof raw.name === 'string' ? raw.name : '',
      kind: readEnum(raw.kind, 5),
      serviceName,
      startUs,
      endUs,
      statusCode: readEnum(field(status, 'code'), 2),
      statusMessage: readString(field(status, 'message')),
      sessionId: null,
      attributesJson: JSON.stringify(attributes),
      resourceId,
      scopeJson,
      eventsJson: readEventsJson(raw.events),
      linksJson: readLinksJson(raw.links),
    },
  };
}

function readEventsJson(events: unknown): string | null {
  if (!Array.isArray(events) || events.length === 0) return null;
  return JSON.stringify(
    events.map((event) => ({
      timeUs: readTimeUs(field(event, 'timeUnixNano')),
      name: typeof field(event, 'name') === 'string' ? field(event, 'name') : '',
      attributes: readKeyValues(field(event, 'attributes')),
    })),
  );
}

function readLinksJson(links: unknown): string | null {
  if (!Array.isArray(links) || links.length === 0) return null;
  return JSON.stringify(
    links.map((link) => ({
      traceId: readId(field(link, 'traceId'), 16),
      spanId: readId(field(link, 'spanId'), 8),
      attributes: readKeyValues(field(link, 'attributes')),
    })),
  );
}

export function readScopeJson(scope: unknown): string | null {
  const name = readString(field(scope, 'name'));
  if (!name) return null;
  const version = readString(field(scope, 'version'));
  return JSON.stringify(version ? { name, version } : { name });
}

export function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/** A repeated field: absent is empty, anything but an array is a malformed request. */
export function listField(value: unknown, name: string): unknown[] {
  const list = field(value, name);
  if (list === undefined || list === null) {
    if (typeof value !== 'object' || value === null) {
      throw new SightlineError('malformed_payload', `expected an OTLP request object with '${name}'`);
    }
    return [];
  }
  if (!Array.isArray(list)) throw new SightlineError('malformed_payload', `'${name}' must be an array`);
  return list;
}
