/**
 * One clock for everything on a replay page: milliseconds from the session's start
 * (`startedAtMs` of its summary — the earliest span, log or replay event). The `t` of
 * `/sessions/:id?t=` and a trace's "offset into the replay" are on this clock, and so
 * are markers, panel rows and the player. rrweb counts from the first replay event
 * instead; `toReplayerOffset` converts.
 */
export function toSessionOffset(epochMs: number, sessionStartMs: number): number {
  return epochMs - sessionStartMs;
}

/**
 * Below this a measured offset is mostly the batches' transit time, not a wrong clock:
 * backend times are left as they are.
 */
export const MIN_CLOCK_CORRECTION_MS = 1_000;

/**
 * The session's start on the backend's clock. Backend times (spans, logs) minus this are
 * on the replay's clock even when the user's computer clock is off: the server estimates
 * how far (`clockOffsetMs`, server − browser), and a second or more is corrected.
 * @example backendSessionStartMs({ startedAtMs: 1_000_000, clockOffsetMs: 120_000 }) // 1_120_000
 */
export function backendSessionStartMs(session: { startedAtMs: number; clockOffsetMs?: number | null }): number {
  const offset = session.clockOffsetMs ?? 0;
  return Math.abs(offset) >= MIN_CLOCK_CORRECTION_MS ? session.startedAtMs + offset : session.startedAtMs;
}

/** The rrweb Replayer's offset for a session offset (clamped: before the first event shows the first frame). */
export function toReplayerOffset(sessionOffsetMs: number, sessionStartMs: number, replayStartMs: number): number {
  return Math.max(0, sessionOffsetMs - (replayStartMs - sessionStartMs));
}

/** Beyond this an insight's `timeMs` is read as Unix ms (after 2001-09-09), below it as an offset. */
const EPOCH_THRESHOLD_MS = 1e12;

/** An insight's time on the session clock, whichever way the server sends it. */
export function readInsightOffset(timeMs: number, sessionStartMs: number): number {
  return timeMs >= EPOCH_THRESHOLD_MS ? timeMs - sessionStartMs : timeMs;
}
