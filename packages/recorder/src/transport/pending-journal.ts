import type { ErrorReporter } from '../internal/error-reporter.js';
import type { KeyValueStorage } from '../internal/key-value-storage.js';
import { isValidSessionId } from '../session/session-id.js';
import type { Batch } from './batch.js';
import { selectBatchToDrop } from './pending-queue.js';

/**
 * Unsent batches kept in sessionStorage when the page is hidden or leaves, so the next
 * page load of the session sends them. Capped well below the storage quota, which the
 * app shares: the oldest non-snapshot batches are left out first.
 */
export interface PendingJournal {
  save(batches: readonly Batch[]): void;
  /** Returns the saved batches and forgets them (they are in memory again). */
  take(): Batch[];
  clear(): void;
}

export function createPendingJournal(
  storage: KeyValueStorage,
  storageKey: string,
  maxBytes: number,
  reporter: ErrorReporter,
): PendingJournal {
  const clear = (): void => {
    try {
      storage.removeItem(storageKey);
    } catch (error) {
      reporter.report(error, 'storage_failed');
    }
  };
  return {
    save(batches) {
      if (batches.length === 0) {
        clear();
        return;
      }
      const kept = [...batches];
      let bytes = kept.reduce((sum, batch) => sum + batch.bytes, 0);
      while (bytes > maxBytes && kept.length > 0) {
        const [removed] = kept.splice(selectBatchToDrop(kept), 1) as [Batch];
        bytes -= removed.bytes;
      }
      try {
        storage.setItem(storageKey, JSON.stringify(kept));
      } catch (error) {
        // over the quota: the app's own storage matters more than our backlog
        clear();
        reporter.report(error, 'storage_failed');
      }
    },
    take() {
      let batches: Batch[] = [];
      try {
        const raw = storage.getItem(storageKey);
        if (raw !== null) batches = parseJournal(JSON.parse(raw));
      } catch {
        batches = [];
      }
      clear();
      return batches;
    },
    clear,
  };
}

function parseJournal(value: unknown): Batch[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isBatch);
}

function isBatch(value: unknown): value is Batch {
  if (typeof value !== 'object' || value === null) return false;
  const batch = value as Record<string, unknown>;
  return (
    isValidSessionId(batch.sessionId) &&
    typeof batch.seq === 'number' &&
    Number.isInteger(batch.seq) &&
    batch.seq >= 0 &&
    (batch.previousSessionId === undefined || isValidSessionId(batch.previousSessionId)) &&
    typeof batch.eventsJson === 'string' &&
    typeof batch.eventCount === 'number' &&
    typeof batch.bytes === 'number' &&
    typeof batch.hasSnapshot === 'boolean'
  );
}
