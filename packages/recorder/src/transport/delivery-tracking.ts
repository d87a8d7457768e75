import type { SendBatch } from './send-result.js';

export interface TrackedSender {
  send: SendBatch;
  /** Whether the latest attempt failed to reach the server (or was refused with a retryable status). */
  isFailing(): boolean;
}

/**
 * A decorator that remembers how the latest attempt went. The page-exit path reads it:
 * a beacon has no answer, so while the server is failing the exit path also keeps a
 * copy of what it handed over (a resend is harmless: `(sessionId, seq)` is idempotent).
 */
export function trackDelivery(send: SendBatch): TrackedSender {
  let failing = false;
  return {
    send: async (batch, signal) => {
      const result = await send(batch, signal);
      failing = result.status === 'retryable';
      return result;
    },
    isFailing: () => failing,
  };
}
