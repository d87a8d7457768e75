import type { ErrorReporter } from '../internal/error-reporter.js';
import type { KeyValueStorage } from '../internal/key-value-storage.js';
import { isValidSessionId } from './session-id.js';

/** Whether a session uploads everything or keeps a rolling buffer until a trigger. */
export type SamplingDecision = 'full' | 'buffered';

/** What the tab remembers about its session across reloads (sessionStorage). */
export interface SessionState {
  id: string;
  startedAtMs: number;
  lastActivityMs: number;
  /** The session this one continues after a rotation. */
  previousId: string | undefined;
  /** The `seq` of the next batch: a reload continues the sequence. */
  nextSeq: number;
  /** Sticks for the session once decided; undefined until then. */
  sampling: SamplingDecision | undefined;
  /** errorSampleRate is rolled once per session, at the first error trigger. */
  errorTrigger: 'accepted' | 'rejected' | undefined;
}

export interface SessionStore {
  load(): SessionState | undefined;
  save(state: SessionState): void;
}

export function createSessionStore(
  storage: KeyValueStorage,
  storageKey: string,
  reporter: ErrorReporter,
): SessionStore {
  return {
    load() {
      try {
        const raw = storage.getItem(storageKey);
        return raw === null ? undefined : parseSessionState(JSON.parse(raw));
      } catch {
        return undefined;
      }
    },
    save(state) {
      try {
        storage.setItem(storageKey, JSON.stringify(state));
      } catch (error) {
        reporter.report(error, 'storage_failed');
      }
    },
  };
}

/** Accepts only a well-formed state: anything else (an old format, a tampered value) starts a new session. */
export function parseSessionState(value: unknown): SessionState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const state = value as Record<string, unknown>;
  if (!isValidSessionId(state.id)) return undefined;
  if (!isTime(state.startedAtMs) || !isTime(state.lastActivityMs)) return undefined;
  if (typeof state.nextSeq !== 'number' || !Number.isInteger(state.nextSeq) || state.nextSeq < 0) return undefined;
  const previousId = isValidSessionId(state.previousId) ? state.previousId : undefined;
  const sampling = state.sampling === 'full' || state.sampling === 'buffered' ? state.sampling : undefined;
  const errorTrigger =
    state.errorTrigger === 'accepted' || state.errorTrigger === 'rejected' ? state.errorTrigger : undefined;
  return {
    id: state.id,
    startedAtMs: state.startedAtMs,
    lastActivityMs: state.lastActivityMs,
    previousId,
    nextSeq: state.nextSeq,
    sampling,
    errorTrigger,
  };
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
