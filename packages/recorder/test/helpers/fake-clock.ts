import type { Clock, TimerHandle } from '../../src/internal/clock.js';

export interface FakeClock extends Clock {
  /** Moves time forward, running due timers in order (and timers they schedule). */
  advance(ms: number): void;
  /** Runs timers and awaits the promises they start, step by step. */
  advanceAsync(ms: number): Promise<void>;
  readonly pendingTimers: number;
}

interface Timer {
  id: number;
  at: number;
  callback: () => void;
}

export function createFakeClock(start = 1_700_000_000_000): FakeClock {
  let now = start;
  let nextId = 1;
  let timers: Timer[] = [];
  const takeDue = (until: number): Timer | undefined => {
    const due = timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at || a.id - b.id)[0];
    if (due !== undefined) timers = timers.filter((timer) => timer !== due);
    return due;
  };
  return {
    now: () => now,
    setTimeout(callback, delayMs) {
      const id = nextId++;
      timers.push({ id, at: now + Math.max(0, delayMs), callback });
      return id as unknown as TimerHandle;
    },
    clearTimeout(handle) {
      timers = timers.filter((timer) => timer.id !== (handle as unknown as number));
    },
    advance(ms) {
      const until = now + ms;
      for (let timer = takeDue(until); timer !== undefined; timer = takeDue(until)) {
        now = Math.max(now, timer.at);
        timer.callback();
      }
      now = until;
    },
    async advanceAsync(ms) {
      const until = now + ms;
      await flushMicrotasks();
      for (let timer = takeDue(until); timer !== undefined; timer = takeDue(until)) {
        now = Math.max(now, timer.at);
        timer.callback();
        await flushMicrotasks();
      }
      now = until;
      await flushMicrotasks();
    },
    get pendingTimers() {
      return timers.length;
    },
  };
}

export async function flushMicrotasks(): Promise<void> {
  for (let index = 0; index < 20; index++) await Promise.resolve();
}

/** Deterministic "random" numbers, cycling through `values`. */
export function sequenceRandom(...values: number[]): () => number {
  let index = 0;
  return () => values[index++ % values.length] as number;
}
