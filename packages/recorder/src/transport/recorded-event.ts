import { EventType, type RecorderEvent } from '../internal/rrweb-events.js';

/**
 * An event serialized once, when recorded: the buffer, the batcher and the pending queue
 * hold strings, so memory is measured exactly and nothing is stringified twice.
 */
export interface RecordedEvent {
  json: string;
  /** Uncompressed size estimate (UTF-16 code units, what a JS string holds). */
  bytes: number;
  type: number;
  timestamp: number;
}

export function toRecordedEvent(event: RecorderEvent): RecordedEvent {
  const json = JSON.stringify(event);
  return { json, bytes: json.length, type: event.type, timestamp: event.timestamp };
}

/** A full snapshot (or its Meta) is what playback starts from: dropped last. */
export function isSnapshotEvent(event: Pick<RecordedEvent, 'type'>): boolean {
  return event.type === EventType.FullSnapshot || event.type === EventType.Meta;
}
