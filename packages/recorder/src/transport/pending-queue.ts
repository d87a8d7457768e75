import type { Batch } from './batch.js';

export interface DroppedBatches {
  batches: number;
  events: number;
  bytes: number;
}

/**
 * Batches waiting to be sent, bounded in memory: while the server is unreachable, the
 * oldest batches without a full snapshot go first (playback can still start at every
 * snapshot kept), then the oldest of the rest. The newest batch always stays.
 */
export interface PendingQueue {
  /** Appends; returns what had to be dropped to stay under `maxBytes`. */
  push(batch: Batch): DroppedBatches | undefined;
  /** Puts back at the front (an attempt that ended without a verdict). */
  unshift(batch: Batch): void;
  shift(): Batch | undefined;
  remove(batch: Batch): void;
  toArray(): readonly Batch[];
  readonly bytes: number;
  readonly length: number;
}

export function createPendingQueue(options: { maxBytes: number }): PendingQueue {
  const batches: Batch[] = [];
  let bytes = 0;

  const removeAt = (index: number): Batch => {
    const [removed] = batches.splice(index, 1) as [Batch];
    bytes -= removed.bytes;
    return removed;
  };

  return {
    push(batch) {
      batches.push(batch);
      bytes += batch.bytes;
      let dropped: DroppedBatches | undefined;
      while (bytes > options.maxBytes && batches.length > 1) {
        const removed = removeAt(selectBatchToDrop(batches.slice(0, -1)));
        dropped = {
          batches: (dropped?.batches ?? 0) + 1,
          events: (dropped?.events ?? 0) + removed.eventCount,
          bytes: (dropped?.bytes ?? 0) + removed.bytes,
        };
      }
      return dropped;
    },
    unshift(batch) {
      batches.unshift(batch);
      bytes += batch.bytes;
    },
    shift() {
      return batches.length === 0 ? undefined : removeAt(0);
    },
    remove(batch) {
      const index = batches.indexOf(batch);
      if (index >= 0) removeAt(index);
    },
    toArray: () => batches,
    get bytes() {
      return bytes;
    },
    get length() {
      return batches.length;
    },
  };
}

/** The index of the oldest batch without a snapshot, else the oldest. `batches` must not be empty. */
export function selectBatchToDrop(batches: readonly Pick<Batch, 'hasSnapshot'>[]): number {
  const index = batches.findIndex((batch) => !batch.hasSnapshot);
  return Math.max(index, 0);
}

/** Adds up what several drops lost, for one `sightline.dropped` event. */
export function sumDropped(batches: readonly Batch[]): DroppedBatches {
  return {
    batches: batches.length,
    events: batches.reduce((sum, batch) => sum + batch.eventCount, 0),
    bytes: batches.reduce((sum, batch) => sum + batch.bytes, 0),
  };
}
