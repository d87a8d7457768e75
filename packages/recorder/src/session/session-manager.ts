import type { Clock } from '../internal/clock.js';
import type { SamplingDecision, SessionState, SessionStore } from './session-store.js';

export const SESSION_IDLE_TIMEOUT_MS = 30 * 60_000;
export const SESSION_MAX_DURATION_MS = 4 * 60 * 60_000;

/** Activity is written at most this often: the idle timeout is 30 min, a few seconds of drift do not matter. */
const ACTIVITY_WRITE_INTERVAL_MS = 5_000;

export interface SessionManagerOptions {
  store: SessionStore;
  clock: Clock;
  createId: () => string;
  /** @default 30 min (DESIGN.md) */
  idleTimeoutMs?: number;
  /** @default 4 h (DESIGN.md) */
  maxDurationMs?: number;
}

/**
 * The tab's session: loaded from storage (a reload continues it), expired after the idle
 * timeout or the maximum duration. It never rotates on its own: the recorder asks
 * `isExpired()` and calls `rotate()`, so it can first flush what belongs to the old one.
 */
export interface SessionManager {
  readonly session: SessionState;
  isExpired(): boolean;
  /** Starts a new session linked to the current one; returns the one that ended. */
  rotate(): SessionState;
  /** The user did something: pushes the idle deadline back. */
  touch(): void;
  /** The `seq` for the next batch of the current session, persisted at once. */
  allocateSeq(): number;
  setSampling(sampling: SamplingDecision): void;
  setErrorTrigger(result: 'accepted' | 'rejected'): void;
  /** Writes what `touch` deferred (the page is being hidden). */
  persist(): void;
}

export function createSessionManager(options: SessionManagerOptions): SessionManager {
  const { store, clock, createId } = options;
  const idleTimeoutMs = options.idleTimeoutMs ?? SESSION_IDLE_TIMEOUT_MS;
  const maxDurationMs = options.maxDurationMs ?? SESSION_MAX_DURATION_MS;
  let lastWriteMs = clock.now();

  const isExpiredAt = (state: SessionState, now: number): boolean =>
    now - state.lastActivityMs > idleTimeoutMs || now - state.startedAtMs > maxDurationMs;

  const startSession = (previousId: string | undefined): SessionState => {
    const now = clock.now();
    return {
      id: createId(),
      startedAtMs: now,
      lastActivityMs: now,
      previousId,
      nextSeq: 0,
      sampling: undefined,
      errorTrigger: undefined,
    };
  };

  const write = (): void => {
    lastWriteMs = clock.now();
    store.save(session);
  };

  const loaded = store.load();
  let session: SessionState;
  if (loaded === undefined) {
    session = startSession(undefined);
  } else if (isExpiredAt(loaded, clock.now())) {
    session = startSession(loaded.id);
  } else {
    // loading the page is the user's doing: it counts as activity
    session = { ...loaded, lastActivityMs: clock.now() };
  }
  write();

  return {
    get session() {
      return session;
    },
    isExpired: () => isExpiredAt(session, clock.now()),
    rotate() {
      const ended = session;
      session = startSession(ended.id);
      write();
      return ended;
    },
    touch() {
      const now = clock.now();
      session.lastActivityMs = now;
      if (now - lastWriteMs >= ACTIVITY_WRITE_INTERVAL_MS) write();
    },
    allocateSeq() {
      const seq = session.nextSeq;
      session.nextSeq = seq + 1;
      write();
      return seq;
    },
    setSampling(sampling) {
      session.sampling = sampling;
      write();
    },
    setErrorTrigger(result) {
      session.errorTrigger = result;
      write();
    },
    persist: write,
  };
}
