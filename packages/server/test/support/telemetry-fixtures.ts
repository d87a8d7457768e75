import { randomBytes } from 'node:crypto';
import type { LogRecord, SessionActivity, SpanRecord, TelemetryBatch } from '../../src/storage/store.js';

export function randomTraceId(): string {
  return randomBytes(16).toString('hex');
}

export function randomSpanId(): string {
  return randomBytes(8).toString('hex');
}

export const TEST_RESOURCE = { id: 'res-test-1', attributesJson: JSON.stringify({ 'service.name': 'checkout' }) };

export function makeSpan(overrides: Partial<SpanRecord> = {}): SpanRecord {
  const startUs = overrides.startUs ?? Date.now() * 1000;
  return {
    traceId: randomTraceId(),
    spanId: randomSpanId(),
    parentSpanId: null,
    name: 'GET /api/cart',
    kind: 2,
    serviceName: 'checkout',
    startUs,
    endUs: startUs + 1500,
    statusCode: 0,
    statusMessage: null,
    sessionId: null,
    attributesJson: JSON.stringify(overrides.sessionId ? { 'session.id': overrides.sessionId } : {}),
    resourceId: TEST_RESOURCE.id,
    scopeJson: JSON.stringify({ name: 'test' }),
    eventsJson: null,
    linksJson: null,
    ...overrides,
  };
}

export function makeLog(overrides: Partial<LogRecord> = {}): LogRecord {
  const timeUs = overrides.timeUs ?? Date.now() * 1000;
  return {
    timeUs,
    observedUs: timeUs,
    severityNumber: 9,
    severityText: 'INFO',
    body: 'cart loaded',
    traceId: null,
    spanId: null,
    serviceName: 'checkout',
    sessionId: null,
    attributesJson: JSON.stringify(overrides.sessionId ? { 'session.id': overrides.sessionId } : {}),
    resourceId: TEST_RESOURCE.id,
    scopeJson: null,
    ...overrides,
  };
}

/** Builds a batch and the session activity the ingest layer would derive from it. */
export function makeBatch(spans: SpanRecord[], logs: LogRecord[] = []): TelemetryBatch {
  const sessions = new Map<string, SessionActivity>();
  const touch = (sessionId: string | null, firstUs: number, lastUs: number): SessionActivity | undefined => {
    if (!sessionId) return undefined;
    const activity = sessions.get(sessionId) ?? {
      sessionId,
      userId: null,
      firstUs,
      lastUs,
      spanCount: 0,
      logCount: 0,
      errorCount: 0,
    };
    activity.firstUs = Math.min(activity.firstUs, firstUs);
    activity.lastUs = Math.max(activity.lastUs, lastUs);
    sessions.set(sessionId, activity);
    return activity;
  };
  for (const span of spans) {
    const activity = touch(span.sessionId, span.startUs, span.endUs);
    if (activity) {
      activity.spanCount += 1;
      if (span.statusCode === 2) activity.errorCount += 1;
    }
  }
  for (const log of logs) {
    const activity = touch(log.sessionId, log.timeUs, log.timeUs);
    if (activity) {
      activity.logCount += 1;
      if (log.severityNumber >= 17) activity.errorCount += 1;
    }
  }
  return { resources: [TEST_RESOURCE], spans, logs, sessions: [...sessions.values()] };
}
