/** How long and how often `waitFor` polls. */
export interface WaitOptions {
  /** Give up after this long. @default 10000 */
  timeoutMs?: number;
  /** Pause between two checks. @default 100 */
  intervalMs?: number;
  /** What is awaited, for the timeout message ("all markers stored"). */
  what: string;
}

/**
 * Polls `check` until it returns something other than `undefined`, `null` or `false`,
 * and returns that. A check that throws counts as "not yet" (e.g. a 404 before the first
 * batch is stored); on timeout the error says what was awaited and what the last check
 * returned or threw, so a failure shows how far things got.
 *
 * @example
 * const events = await waitFor(() => sightline.events(sessionId).then(withMarker('done')), { what: 'the done marker' });
 */
export async function waitFor<T>(
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  options: WaitOptions,
): Promise<T> {
  const { timeoutMs = 10_000, intervalMs = 100, what } = options;
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last check: ${detail})`);
    }
    await delay(intervalMs);
  }
}

/** A pause for what has no signal to await: a duration that is the point of the test (an outage). */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
