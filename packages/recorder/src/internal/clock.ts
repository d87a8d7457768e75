/** Time and timers, injected so tests can drive them with a fake clock. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export type TimerHandle = ReturnType<typeof globalThis.setTimeout>;

/** The real clock. Stateless, so sharing it between recorders shares nothing. */
export const systemClock: Clock = Object.freeze({
  now: () => Date.now(),
  setTimeout: (callback: () => void, delayMs: number) => globalThis.setTimeout(callback, delayMs),
  clearTimeout: (handle: TimerHandle) => globalThis.clearTimeout(handle),
});

/** A source of uniform numbers in [0, 1); injected so sampling and jitter are testable. */
export type RandomSource = () => number;
