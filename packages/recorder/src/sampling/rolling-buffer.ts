import { EventType } from '../internal/rrweb-events.js';
import type { RecordedEvent } from '../transport/recorded-event.js';

export interface RollingBufferOptions {
  /** History kept at least (when memory allows): the segment covering this window is kept whole. @default 60000 */
  windowMs?: number;
  /** Memory cap. */
  maxBytes: number;
}

export interface BufferOverflow {
  /** Events dropped to stay under `maxBytes` (beyond the normal rolling). */
  droppedEvents: number;
  droppedBytes: number;
}

/**
 * What an unsampled session keeps in memory. Events are grouped in segments that each
 * start at a checkout (a Meta + full snapshot), so whatever is kept can be played from its
 * start. A segment is dropped only when the next one already reaches `windowMs` back: with
 * a checkout every 60 s, the buffer holds the previous checkout on, 60–120 s.
 */
export interface RollingBuffer {
  add(event: RecordedEvent): BufferOverflow | undefined;
  /** Whether the newest segment alone is over the cap: the recorder should take a checkout. */
  readonly needsCheckout: boolean;
  /** Removes and returns everything, oldest first. */
  drain(): RecordedEvent[];
  /** Keeps only the events `keep` accepts (e.g. drop DOM data recorded under a weaker privacy mode). */
  retain(keep: (event: RecordedEvent) => boolean): void;
  readonly bytes: number;
  readonly size: number;
}

interface Segment {
  startedAtMs: number;
  events: RecordedEvent[];
  bytes: number;
  /** Bytes of the checkout the segment starts with: a forced checkout only helps once the rest outgrows it. */
  snapshotBytes: number;
}

export function createRollingBuffer(options: RollingBufferOptions): RollingBuffer {
  const windowMs = options.windowMs ?? 60_000;
  const { maxBytes } = options;
  let segments: Segment[] = [];
  let bytes = 0;
  let size = 0;

  const dropOldestSegment = (): Segment | undefined => {
    const dropped = segments.shift();
    if (dropped !== undefined) {
      bytes -= dropped.bytes;
      size -= dropped.events.length;
    }
    return dropped;
  };

  return {
    add(event) {
      const last = segments[segments.length - 1];
      if (last === undefined || event.type === EventType.Meta) {
        const snapshotBytes = event.type === EventType.Meta ? event.bytes : 0;
        segments.push({ startedAtMs: event.timestamp, events: [event], bytes: event.bytes, snapshotBytes });
      } else {
        if (event.type === EventType.FullSnapshot && last.events.length === 1) last.snapshotBytes += event.bytes;
        last.events.push(event);
        last.bytes += event.bytes;
      }
      bytes += event.bytes;
      size += 1;

      // rolling: the older segment goes once the next one alone covers the window
      const windowStart = event.timestamp - windowMs;
      while (segments.length > 1 && (segments[1] as Segment).startedAtMs <= windowStart) dropOldestSegment();

      // memory cap: history is cut short, which is a loss worth recording
      let overflow: BufferOverflow | undefined;
      while (bytes > maxBytes && segments.length > 1) {
        const dropped = dropOldestSegment() as Segment;
        overflow = {
          droppedEvents: (overflow?.droppedEvents ?? 0) + dropped.events.length,
          droppedBytes: (overflow?.droppedBytes ?? 0) + dropped.bytes,
        };
      }
      return overflow;
    },
    get needsCheckout() {
      const last = segments[segments.length - 1];
      // a page whose snapshot alone is over the cap would otherwise re-snapshot on every event
      return last !== undefined && bytes > maxBytes && last.bytes - last.snapshotBytes >= maxBytes / 2;
    },
    drain() {
      const events = segments.flatMap((segment) => segment.events);
      segments = [];
      bytes = 0;
      size = 0;
      return events;
    },
    retain(keep) {
      segments = segments
        .map((segment) => {
          const events = segment.events.filter(keep);
          const segmentBytes = events.reduce((sum, event) => sum + event.bytes, 0);
          return {
            ...segment,
            events,
            bytes: segmentBytes,
            snapshotBytes: Math.min(segment.snapshotBytes, segmentBytes),
          };
        })
        .filter((segment) => segment.events.length > 0);
      bytes = segments.reduce((sum, segment) => sum + segment.bytes, 0);
      size = segments.reduce((sum, segment) => sum + segment.events.length, 0);
    },
    get bytes() {
      return bytes;
    },
    get size() {
      return size;
    },
  };
}
