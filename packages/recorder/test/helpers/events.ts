import { EventType } from '../../src/internal/rrweb-events.js';
import type { Batch } from '../../src/transport/batch.js';
import { type RecordedEvent, toRecordedEvent } from '../../src/transport/recorded-event.js';

export function metaEvent(timestamp: number): RecordedEvent {
  return toRecordedEvent({
    type: EventType.Meta,
    data: { href: 'https://shop.example/', width: 1, height: 1 },
    timestamp,
  });
}

export function snapshotEvent(timestamp: number, padding = 0): RecordedEvent {
  return toRecordedEvent({
    type: EventType.FullSnapshot,
    data: { node: { id: 1 }, padding: 'x'.repeat(padding) },
    timestamp,
  });
}

export function incrementalEvent(timestamp: number, padding = 0): RecordedEvent {
  return toRecordedEvent({
    type: EventType.IncrementalSnapshot,
    data: { source: 2, padding: 'x'.repeat(padding) },
    timestamp,
  });
}

export function customEvent(timestamp: number, tag = 'sightline.track'): RecordedEvent {
  return toRecordedEvent({ type: EventType.Custom, data: { tag, payload: {} }, timestamp });
}

export function makeBatch(overrides: Partial<Batch> = {}): Batch {
  return {
    sessionId: 'session-0001',
    seq: 0,
    previousSessionId: undefined,
    eventsJson: '{"type":3}',
    eventCount: 1,
    bytes: 100,
    hasSnapshot: false,
    ...overrides,
  };
}
