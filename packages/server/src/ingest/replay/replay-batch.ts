import { SightlineError } from '../../errors.js';
import { isValidSessionId } from '../../sessions/session-id.js';

/** The wire version this server reads (`docs/replay-format.md`). */
export const REPLAY_WIRE_VERSION = 1;
export const MAX_REPLAY_SEQ = 10_000_000;
export const MAX_EVENTS_PER_BATCH = 100_000;
/** 2100-01-01: any later time is a broken clock, and µs past it would leave the safe-integer range. */
const MAX_TIMESTAMP_MS = 4_102_444_800_000;
const MAX_EVENT_TYPE = 6;

/** An rrweb event (`eventWithTime`): only the fields the server reads are typed. */
export interface ReplayEvent {
  /** rrweb EventType: 0 DomContentLoaded … 2 FullSnapshot, 3 IncrementalSnapshot, 4 Meta, 5 Custom, 6 Plugin. */
  type: number;
  /** Unix time in ms, from the browser's clock. */
  timestamp: number;
  data?: unknown;
}

/** A recorder batch (`POST /v1/replay`), validated. Unknown top-level fields are kept as sent. */
export interface ReplayBatch {
  v: typeof REPLAY_WIRE_VERSION;
  sessionId: string;
  seq: number;
  previousSessionId?: string;
  sentAtMs?: number;
  events: ReplayEvent[];
}

/**
 * Checks a parsed batch against the wire format and returns it typed; throws a
 * `malformed_payload` error that names the bad field and the expected value.
 */
export function validateReplayBatch(value: unknown): ReplayBatch {
  if (!isRecord(value)) throw malformed('the batch must be a JSON object');
  if (value.v !== REPLAY_WIRE_VERSION) {
    throw malformed(
      `unsupported batch version ${describe(value.v)}: this server reads version ${REPLAY_WIRE_VERSION} (field 'v')`,
    );
  }
  if (!isValidSessionId(value.sessionId)) {
    throw malformed(`invalid sessionId ${describe(value.sessionId)}: expected [A-Za-z0-9._:-]{8,128}`);
  }
  if (!Number.isInteger(value.seq) || (value.seq as number) < 0 || (value.seq as number) > MAX_REPLAY_SEQ) {
    throw malformed(`invalid seq ${describe(value.seq)}: expected an integer from 0 to ${MAX_REPLAY_SEQ}`);
  }
  if (value.previousSessionId !== undefined && !isValidSessionId(value.previousSessionId)) {
    throw malformed(
      `invalid previousSessionId ${describe(value.previousSessionId)}: expected [A-Za-z0-9._:-]{8,128} or no field`,
    );
  }
  const events = value.events;
  if (!Array.isArray(events) || events.length === 0) {
    throw malformed(`'events' must be a non-empty array of rrweb events (actual: ${describe(events)})`);
  }
  if (events.length > MAX_EVENTS_PER_BATCH) {
    throw malformed(
      `a batch holds at most ${MAX_EVENTS_PER_BATCH} events (actual: ${events.length}): send smaller ones`,
    );
  }
  for (let i = 0; i < events.length; i++) validateEvent(events[i], i);
  return value as unknown as ReplayBatch;
}

function validateEvent(event: unknown, index: number): void {
  if (!isRecord(event)) throw malformed(`events[${index}] must be an object (actual: ${describe(event)})`);
  const { type, timestamp } = event;
  if (!Number.isInteger(type) || (type as number) < 0 || (type as number) > MAX_EVENT_TYPE) {
    throw malformed(
      `events[${index}].type must be an rrweb event type, 0 to ${MAX_EVENT_TYPE} (actual: ${describe(type)})`,
    );
  }
  if (typeof timestamp !== 'number' || !Number.isFinite(timestamp) || timestamp < 0 || timestamp >= MAX_TIMESTAMP_MS) {
    throw malformed(`events[${index}].timestamp must be a Unix time in milliseconds (actual: ${describe(timestamp)})`);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function malformed(message: string): SightlineError {
  return new SightlineError('malformed_payload', message);
}

/** A short, safe rendering of a bad value for an error message. */
function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object' && value !== null) return 'an object';
  const text = typeof value === 'string' ? `'${value}'` : String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
