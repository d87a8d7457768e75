import type { Clock, RandomSource } from '../internal/clock.js';
import type { SendBatch, SendResult } from './send-result.js';

export interface RetryOptions {
  clock: Clock;
  random: RandomSource;
  /** @default 1000 */
  initialDelayMs?: number;
  /** @default 30000 */
  maxDelayMs?: number;
  /** Attempts in all, the first included. The pending queue bounds memory meanwhile. @default Infinity */
  maxAttempts?: number;
}

/**
 * Retries a transport while it answers `retryable`: exponential backoff with jitter (so
 * a fleet of pages does not hammer a server coming back up), or the server's Retry-After.
 * Aborting `signal` ends the wait and returns the last result; an aborted signal allows
 * exactly one attempt.
 */
export function withRetry(send: SendBatch, options: RetryOptions): SendBatch {
  const { clock, random } = options;
  const initialDelayMs = options.initialDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const maxAttempts = options.maxAttempts ?? Number.POSITIVE_INFINITY;
  return async (batch, signal) => {
    let result: SendResult = await send(batch, signal);
    for (let attempt = 1; result.status === 'retryable' && attempt < maxAttempts; attempt++) {
      if (signal?.aborted) break;
      const backoff = computeBackoffDelay(attempt - 1, initialDelayMs, maxDelayMs, random);
      const delay =
        result.retryAfterMs === undefined ? backoff : Math.min(Math.max(result.retryAfterMs, backoff), 10 * maxDelayMs);
      if (!(await sleep(clock, delay, signal))) break;
      result = await send(batch, signal);
    }
    return result;
  };
}

/**
 * "Equal jitter": half the exponential delay fixed, half random, so a retry never comes
 * at once yet clients spread out. attempt 0 → [initial/2, initial), doubling up to the cap.
 */
export function computeBackoffDelay(
  attempt: number,
  initialDelayMs: number,
  maxDelayMs: number,
  random: RandomSource,
): number {
  const ceiling = Math.min(maxDelayMs, initialDelayMs * 2 ** attempt);
  return ceiling / 2 + random() * (ceiling / 2);
}

/** Resolves true after `delayMs`, or false as soon as `signal` aborts. */
function sleep(clock: Clock, delayMs: number, signal: AbortSignal | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve(false);
      return;
    }
    const onAbort = (): void => {
      clock.clearTimeout(timer);
      resolve(false);
    };
    const timer = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, delayMs);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
