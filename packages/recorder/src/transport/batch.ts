import { isSnapshotEvent, type RecordedEvent } from './recorded-event.js';

/** The wire version of a batch (docs/replay-format.md). */
export const BATCH_VERSION = 1;

/** One upload: a session's events with their place in its sequence. */
export interface Batch {
  sessionId: string;
  /** 0, 1, 2 … per session; `(sessionId, seq)` is idempotent on the server, so a resend is harmless. */
  seq: number;
  /** On seq 0 of a rotated session: the session it continues. */
  previousSessionId: string | undefined;
  /** The events' JSON joined by commas, ready to splice into the body. */
  eventsJson: string;
  eventCount: number;
  /** Uncompressed size estimate of the events. */
  bytes: number;
  /** Holds a full snapshot: kept longest when memory runs short, since playback starts there. */
  hasSnapshot: boolean;
}

export interface BatchStamp {
  sessionId: string;
  seq: number;
  previousSessionId: string | undefined;
}

export function createBatch(stamp: BatchStamp, events: readonly RecordedEvent[]): Batch {
  return {
    sessionId: stamp.sessionId,
    seq: stamp.seq,
    previousSessionId: stamp.seq === 0 ? stamp.previousSessionId : undefined,
    eventsJson: events.map((event) => event.json).join(','),
    eventCount: events.length,
    bytes: events.reduce((sum, event) => sum + event.bytes, 0),
    hasSnapshot: events.some(isSnapshotEvent),
  };
}

/** The request body. `sentAtMs` is stamped per attempt so the server can estimate clock skew. */
export function serializeBatch(batch: Batch, sentAtMs: number): string {
  const previous =
    batch.previousSessionId === undefined ? '' : `,"previousSessionId":${JSON.stringify(batch.previousSessionId)}`;
  return `{"v":${BATCH_VERSION},"sessionId":${JSON.stringify(batch.sessionId)},"seq":${batch.seq}${previous},"sentAtMs":${sentAtMs},"events":[${batch.eventsJson}]}`;
}
