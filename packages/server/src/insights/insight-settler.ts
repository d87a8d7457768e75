import type { Store } from '../storage/store.js';

/** Sessions settled per store call: each is its own short transaction, so ingest keeps going between them. */
const SETTLE_BATCH = 100;

export interface InsightSettlerOptions {
  store: Pick<Store, 'settleOpenInsights'>;
  /** How long a session's undecided clicks wait for a next batch before they are decided. */
  settleAfterMs: number;
  /** Called with an error of one pass; the next pass tries again. */
  onError(error: unknown): void;
}

export interface InsightSettler {
  /** Stops the timer and waits for a pass under way. */
  stop(): Promise<void>;
}

/**
 * Decides the clicks that no batch will decide. A click's insights wait for the recording
 * to go past its window, which only a next batch shows; a user who clicks a dead button
 * and then stares at the page sends no next batch (an idle page records nothing), and a
 * tab closed before its last batch got through never will. After `settleAfterMs` without
 * a batch, the session's open clicks are decided with what was recorded.
 *
 * Passes run every quarter of `settleAfterMs` (at most every 15 s), never two at once;
 * the timer does not keep the process alive.
 */
export function startInsightSettler(options: InsightSettlerOptions): InsightSettler {
  let running: Promise<void> | undefined;
  let stopped = false;

  // one pass: every session that waited long enough, 100 per store call
  const runOnce = (): Promise<void> => {
    running ??= (async () => {
      try {
        const openBeforeMs = Date.now() - options.settleAfterMs;
        for (;;) {
          const settled = await options.store.settleOpenInsights(openBeforeMs, SETTLE_BATCH);
          if (stopped || settled < SETTLE_BATCH) return;
        }
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  const intervalMs = Math.max(250, Math.min(15_000, Math.floor(options.settleAfterMs / 4)));
  const timer = setInterval(() => {
    runOnce().catch(options.onError);
  }, intervalMs);
  timer.unref();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
