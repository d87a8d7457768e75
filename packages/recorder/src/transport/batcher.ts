import type { Clock, TimerHandle } from '../internal/clock.js';
import type { RecordedEvent } from './recorded-event.js';

export interface BatcherOptions {
  clock: Clock;
  /** A batch leaves at the latest this long after its first event. */
  flushIntervalMs: number;
  /** A batch leaves as soon as its events reach this size. */
  maxBatchBytes: number;
  /** Receives each batch's events, oldest first. */
  onFlush: (events: RecordedEvent[]) => void;
  /** Where a failure of the timer's flush goes (it runs outside any caller). */
  onError: (error: unknown) => void;
}

/** Collects events of a recorded session into batches by time and by size. */
export interface Batcher {
  add(event: RecordedEvent): void;
  /** Hands over what is collected now, in pieces of at most `maxBytes` (the page-exit path needs small ones). */
  flush(maxBytes?: number): void;
  /** Cancels the timer; what is collected stays until the next `flush`. */
  stop(): void;
  readonly bytes: number;
}

export function createBatcher(options: BatcherOptions): Batcher {
  const { clock, flushIntervalMs, maxBatchBytes, onFlush, onError } = options;
  let events: RecordedEvent[] = [];
  let bytes = 0;
  let timer: TimerHandle | undefined;

  const cancelTimer = (): void => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
  };

  const flush = (maxBytes = maxBatchBytes): void => {
    cancelTimer();
    if (events.length === 0) return;
    const taken = events;
    events = [];
    bytes = 0;
    for (const group of splitEvents(taken, maxBytes)) onFlush(group);
  };

  return {
    add(event) {
      // a batch stays under the size: the event that would overflow it starts the next one
      if (events.length > 0 && bytes + event.bytes > maxBatchBytes) flush();
      events.push(event);
      bytes += event.bytes;
      if (bytes >= maxBatchBytes) {
        flush();
      } else if (timer === undefined) {
        timer = clock.setTimeout(() => {
          timer = undefined;
          try {
            flush();
          } catch (error) {
            onError(error);
          }
        }, flushIntervalMs);
      }
    },
    flush,
    stop: cancelTimer,
    get bytes() {
      return bytes;
    },
  };
}

/** Groups events in order into runs of at most `maxBytes`; an event bigger than that travels alone. */
export function splitEvents(events: readonly RecordedEvent[], maxBytes: number): RecordedEvent[][] {
  const groups: RecordedEvent[][] = [];
  let group: RecordedEvent[] = [];
  let groupBytes = 0;
  for (const event of events) {
    if (group.length > 0 && groupBytes + event.bytes > maxBytes) {
      groups.push(group);
      group = [];
      groupBytes = 0;
    }
    group.push(event);
    groupBytes += event.bytes;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}
