import type { SightlineError } from '../errors.js';
import type { Batch } from './batch.js';

/**
 * The outcome of one upload, as a value (OTel's export-response): the caller decides what
 * to do with each kind, and retry lives in a decorator (`withRetry`), not in the transport.
 */
export type SendResult =
  | { status: 'success' }
  /** Will not succeed if repeated (bad key, malformed batch): drop it. */
  | { status: 'failure'; error: SightlineError }
  /** The server is down, overloaded or unreachable: try again, after `retryAfterMs` when it said so. */
  | { status: 'retryable'; error: SightlineError; retryAfterMs?: number };

/** Uploads one batch. `signal` aborts waiting (retries), never a request already made. */
export type SendBatch = (batch: Batch, signal?: AbortSignal) => Promise<SendResult>;
