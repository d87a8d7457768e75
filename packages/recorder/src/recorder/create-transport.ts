import type { ErrorReporter } from '../internal/error-reporter.js';
import type { ResolvedRecorderOptions } from '../options.js';
import type { SessionManager } from '../session/session-manager.js';
import { createBatch } from '../transport/batch.js';
import { type Batcher, createBatcher } from '../transport/batcher.js';
import { createExitSender, detectKeepaliveSupport } from '../transport/beacon.js';
import { compressGzip } from '../transport/compress.js';
import { trackDelivery } from '../transport/delivery-tracking.js';
import { createPendingJournal, type PendingJournal } from '../transport/pending-journal.js';
import { createPendingQueue, type DroppedBatches } from '../transport/pending-queue.js';
import { withRetry } from '../transport/retry.js';
import { createFetchSender } from '../transport/send-batch.js';
import { createUploader, type Uploader } from '../transport/uploader.js';
import type { RecorderEnvironment } from './environment.js';

/** Unsent batches kept in sessionStorage at most (the app shares its ~5 MB quota). */
const JOURNAL_MAX_BYTES = 1_000_000;

export interface TransportOptions {
  options: ResolvedRecorderOptions;
  env: RecorderEnvironment;
  sessions: SessionManager;
  reporter: ErrorReporter;
  storagePrefix: string;
  /** The pending queue overflowed: the recorder records the loss as `sightline.dropped`. */
  onDropped: (dropped: DroppedBatches) => void;
}

export interface Transport {
  journal: PendingJournal;
  uploader: Uploader;
  batcher: Batcher;
}

/**
 * batcher → bounded queue → fetch sender (gzip) wrapped in delivery tracking and retry;
 * the page-exit sender and the sessionStorage journal beside them.
 */
export function createTransport(parts: TransportOptions): Transport {
  const { options, env, sessions, reporter, storagePrefix, onDropped } = parts;
  const { clock, random } = env;
  const url = `${options.endpoint}/v1/replay?key=${encodeURIComponent(options.key)}`;
  const journal = createPendingJournal(env.storage, `${storagePrefix}pending`, JOURNAL_MAX_BYTES, reporter);
  const delivery = trackDelivery(
    createFetchSender({
      url,
      fetch: env.fetch,
      clock,
      compress: compressGzip,
      isPageHidden: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
    }),
  );
  const uploader = createUploader({
    send: withRetry(delivery.send, { clock, random }),
    isServerFailing: delivery.isFailing,
    queue: createPendingQueue({ maxBytes: options.maxPendingBytes }),
    journal,
    exitSender: createExitSender({
      url,
      fetch: env.fetch,
      sendBeacon: sendBeaconOf(globalThis.navigator),
      supportsKeepalive: detectKeepaliveSupport(),
    }),
    clock,
    reporter,
    onDropped,
  });
  const batcher = createBatcher({
    clock,
    flushIntervalMs: options.flushIntervalMs,
    maxBatchBytes: options.maxBatchBytes,
    // stamped at flush: a rotation flushes first, so these events keep their own session
    onFlush: (events) => {
      const session = sessions.session;
      const stamp = { sessionId: session.id, seq: sessions.allocateSeq(), previousSessionId: session.previousId };
      uploader.enqueue(createBatch(stamp, events));
    },
    onError: (error) => reporter.report(error),
  });
  return { journal, uploader, batcher };
}

function sendBeaconOf(navigator: Navigator | undefined): ((url: string, data: BodyInit) => boolean) | undefined {
  return typeof navigator?.sendBeacon === 'function' ? navigator.sendBeacon.bind(navigator) : undefined;
}
