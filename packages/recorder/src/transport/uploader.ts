import type { Clock } from '../internal/clock.js';
import type { ErrorReporter } from '../internal/error-reporter.js';
import { type Batch, serializeBatch } from './batch.js';
import type { ExitSender } from './beacon.js';
import type { PendingJournal } from './pending-journal.js';
import type { DroppedBatches, PendingQueue } from './pending-queue.js';
import type { SendBatch } from './send-result.js';

export interface UploaderOptions {
  /** The transport, already wrapped in `withRetry`. */
  send: SendBatch;
  queue: PendingQueue;
  journal: PendingJournal;
  exitSender: ExitSender & { resetBudget(): void };
  clock: Clock;
  reporter: ErrorReporter;
  /** The queue overflowed (server unreachable too long): the recorder records the loss. */
  onDropped: (dropped: DroppedBatches) => void;
  /** Whether the server is failing right now (see `trackDelivery`). @default () => false */
  isServerFailing?: () => boolean;
}

/**
 * Sends batches one at a time, in order, from a bounded queue. While the page is
 * hidden, unsent batches are also journaled to sessionStorage (a hidden page can be
 * discarded without another event); on exit, what fits the keepalive budget goes out
 * synchronously and the rest stays journaled for the next page load of the session.
 */
export interface Uploader {
  enqueue(batch: Batch): void;
  onHidden(): void;
  onVisible(): void;
  /** Synchronous: the page is going away. */
  flushOnExit(): void;
  /** One last attempt for each queued batch (no retries), journaling what fails. */
  stop(): Promise<void>;
}

export function createUploader(options: UploaderOptions): Uploader {
  const { send, queue, journal, exitSender, clock, reporter, onDropped } = options;
  const isServerFailing = options.isServerFailing ?? (() => false);
  /** The batch being sent; `handedOff` once the exit path gave it to the browser instead. */
  let current: { batch: Batch; controller: AbortController; handedOff: boolean } | undefined;
  let running: Promise<void> | undefined;
  let stopping = false;
  let hidden = false;
  /** Handed over while the server was failing: a beacon has no answer, so a copy is journaled too. */
  let exitCopies: Batch[] = [];

  const unsent = (): Batch[] => {
    const waiting = current === undefined || current.handedOff ? [] : [current.batch];
    return [...exitCopies, ...waiting, ...queue.toArray()];
  };

  const journalIfHidden = (): void => {
    if (hidden) journal.save(unsent());
  };

  /** Whether the loop gave up on a retryable batch (finite retries): the next enqueue resumes it. */
  let stalled = false;

  const run = async (): Promise<void> => {
    for (let batch = queue.shift(); batch !== undefined; batch = queue.shift()) {
      const attempt = { batch, controller: new AbortController(), handedOff: false };
      if (stopping) attempt.controller.abort();
      current = attempt;
      const result = await send(batch, attempt.controller.signal);
      current = undefined;
      if (attempt.handedOff) {
        if (result.status === 'success') exitCopies = exitCopies.filter((copy) => copy !== batch);
        continue;
      }
      if (result.status === 'retryable') {
        // retries ended without a verdict (stop, or a finite retry policy): keep it, in order
        queue.unshift(batch);
        stalled = true;
        if (stopping) reporter.report(result.error, result.error.code);
        return;
      }
      if (result.status === 'failure') reporter.report(result.error, result.error.code);
      journalIfHidden();
    }
  };

  const kick = (): void => {
    if (running !== undefined) return;
    stalled = false;
    running = run()
      .catch((error: unknown) => reporter.report(error))
      .finally(() => {
        running = undefined;
        // a batch may have arrived while the loop was finishing
        if (queue.length > 0 && !stopping && !stalled) kick();
      });
  };

  return {
    enqueue(batch) {
      const dropped = queue.push(batch);
      if (dropped !== undefined) onDropped(dropped);
      journalIfHidden();
      if (!stopping) kick();
    },
    onHidden() {
      hidden = true;
      journal.save(unsent());
    },
    onVisible() {
      hidden = false;
      exitSender.resetBudget();
      journal.clear();
      // back from the bfcache: what may not have arrived is sent again, first
      for (const batch of exitCopies.reverse()) queue.unshift(batch);
      exitCopies = [];
      if (queue.length > 0 && !stopping) kick();
    },
    flushOnExit() {
      const now = clock.now();
      const handedOff: Batch[] = [];
      for (const batch of unsent()) {
        if (!exitSender(serializeBatch(batch, now))) continue;
        handedOff.push(batch);
        queue.remove(batch);
        if (current?.batch === batch) {
          current.handedOff = true;
          current.controller.abort();
        }
      }
      hidden = true;
      // a beacon has no answer: while the server fails, keep a copy of what was handed over too
      if (isServerFailing()) exitCopies = handedOff;
      else exitCopies = exitCopies.filter((copy) => !handedOff.includes(copy));
      journal.save(unsent());
    },
    async stop() {
      stopping = true;
      current?.controller.abort();
      if (running !== undefined) await running;
      // whatever is left gets one attempt each
      if (queue.length > 0) {
        kick();
        await running;
      }
      journal.save(queue.toArray());
    },
  };
}
