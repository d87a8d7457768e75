import type { TimeRange } from './inactive-periods';
import { findPeriodAt } from './inactive-periods';
import type { PlaybackSpeed } from './playback-speed';

/**
 * The replay player as an explicit state machine (the shape of rrweb's `replay/machine.ts`):
 * a pure `transition(state, event)` that returns the next state and the effects a driver
 * must carry out on the renderer and the clock. No DOM, no timers: every rule is testable.
 */
export type PlayerStatus = 'loading' | 'ready' | 'playing' | 'paused' | 'ended';

export interface PlayerState {
  status: PlayerStatus;
  /** The playhead, in ms from the session start. */
  timeMs: number;
  durationMs: number;
  speed: PlaybackSpeed;
  skipInactivity: boolean;
  /** Events are known up to here; playing past it waits for the next page. */
  loadedUntilMs: number;
  /** Every page of events has arrived. */
  complete: boolean;
  /** Playing, but stopped at `loadedUntilMs` until more events arrive. */
  buffering: boolean;
  inactivePeriods: readonly TimeRange[];
}

export type PlayerEvent =
  | {
      type: 'EVENTS_LOADED';
      loadedUntilMs: number;
      durationMs: number;
      complete: boolean;
      inactivePeriods: readonly TimeRange[];
    }
  | { type: 'PLAY' }
  | { type: 'PAUSE' }
  | { type: 'SEEK'; timeMs: number }
  | { type: 'SET_SPEED'; speed: PlaybackSpeed }
  | { type: 'TOGGLE_SKIP_INACTIVITY' }
  /** The clock's reading while playing. */
  | { type: 'TICK'; timeMs: number };

/** What the driver does to the renderer and the clock. */
export type PlayerEffect =
  /** Draw the moment `timeMs` and run from there. */
  | { type: 'play'; timeMs: number }
  /** Stop where the playback is. */
  | { type: 'pause'; timeMs: number }
  /** Draw the moment `timeMs`, stopped. */
  | { type: 'show'; timeMs: number }
  | { type: 'speed'; speed: PlaybackSpeed };

export interface Transition {
  state: PlayerState;
  effects: PlayerEffect[];
}

export function createInitialPlayerState(options: { timeMs?: number; durationMs?: number } = {}): PlayerState {
  return {
    status: 'loading',
    timeMs: Math.max(0, options.timeMs ?? 0),
    durationMs: Math.max(0, options.durationMs ?? 0),
    speed: 1,
    skipInactivity: true,
    loadedUntilMs: 0,
    complete: false,
    buffering: false,
    inactivePeriods: [],
  };
}

export function transition(state: PlayerState, event: PlayerEvent): Transition {
  switch (event.type) {
    case 'EVENTS_LOADED':
      return onEventsLoaded(state, event);
    case 'PLAY':
      return onPlay(state);
    case 'PAUSE':
      if (state.status !== 'playing') return unchanged(state);
      return {
        state: { ...state, status: 'paused', buffering: false },
        effects: [{ type: 'pause', timeMs: state.timeMs }],
      };
    case 'SEEK':
      return onSeek(state, event.timeMs);
    case 'SET_SPEED':
      if (event.speed === state.speed) return unchanged(state);
      return { state: { ...state, speed: event.speed }, effects: [{ type: 'speed', speed: event.speed }] };
    case 'TOGGLE_SKIP_INACTIVITY': {
      const next = { ...state, skipInactivity: !state.skipInactivity };
      if (state.status !== 'playing' || !next.skipInactivity || state.buffering) return { state: next, effects: [] };
      const skipTo = skipTarget(next, state.timeMs);
      return skipTo === state.timeMs
        ? { state: next, effects: [] }
        : { state: { ...next, timeMs: skipTo }, effects: [{ type: 'play', timeMs: skipTo }] };
    }
    case 'TICK':
      return onTick(state, event.timeMs);
  }
}

function onEventsLoaded(state: PlayerState, event: Extract<PlayerEvent, { type: 'EVENTS_LOADED' }>): Transition {
  const durationMs = Math.max(state.durationMs, event.durationMs, event.loadedUntilMs);
  const next: PlayerState = {
    ...state,
    durationMs,
    loadedUntilMs: Math.max(state.loadedUntilMs, event.loadedUntilMs),
    complete: event.complete,
    inactivePeriods: event.inactivePeriods,
  };
  if (state.status === 'loading') {
    const timeMs = clamp(state.timeMs, durationMs);
    return { state: { ...next, status: 'ready', timeMs }, effects: [{ type: 'show', timeMs }] };
  }
  if (state.buffering && (next.complete || next.loadedUntilMs > state.timeMs)) {
    return { state: { ...next, buffering: false }, effects: [{ type: 'play', timeMs: state.timeMs }] };
  }
  return { state: next, effects: [] };
}

function onPlay(state: PlayerState): Transition {
  if (state.status === 'loading' || state.status === 'playing') return unchanged(state);
  const from = state.status === 'ended' || state.timeMs >= state.durationMs ? 0 : state.timeMs;
  const timeMs = state.skipInactivity ? skipTarget(state, from) : from;
  const next: PlayerState = { ...state, status: 'playing', timeMs, buffering: false };
  if (mustWait(next, timeMs)) return { state: { ...next, buffering: true }, effects: [{ type: 'show', timeMs }] };
  return { state: next, effects: [{ type: 'play', timeMs }] };
}

function onSeek(state: PlayerState, requestedMs: number): Transition {
  const durationMs = state.durationMs;
  const timeMs = durationMs > 0 ? clamp(requestedMs, durationMs) : Math.max(0, requestedMs);
  if (state.status === 'loading') return { state: { ...state, timeMs }, effects: [] };
  if (state.status === 'playing') {
    if (mustWait(state, timeMs)) {
      return { state: { ...state, timeMs, buffering: true }, effects: [{ type: 'show', timeMs }] };
    }
    return { state: { ...state, timeMs, buffering: false }, effects: [{ type: 'play', timeMs }] };
  }
  return { state: { ...state, status: 'paused', timeMs }, effects: [{ type: 'show', timeMs }] };
}

function onTick(state: PlayerState, clockMs: number): Transition {
  if (state.status !== 'playing' || state.buffering) return unchanged(state);
  if (clockMs >= state.durationMs) {
    return {
      state: { ...state, status: 'ended', timeMs: state.durationMs },
      effects: [{ type: 'pause', timeMs: state.durationMs }],
    };
  }
  if (state.skipInactivity) {
    const skipTo = skipTarget(state, clockMs);
    if (skipTo !== clockMs) return onSeek(state, skipTo);
  }
  if (mustWait(state, clockMs)) {
    const timeMs = state.loadedUntilMs;
    return { state: { ...state, timeMs, buffering: true }, effects: [{ type: 'pause', timeMs }] };
  }
  return { state: { ...state, timeMs: clockMs }, effects: [] };
}

/** Where playback should be at `timeMs`: past the idle period it falls in, if any. */
function skipTarget(state: PlayerState, timeMs: number): number {
  const period = findPeriodAt(state.inactivePeriods, timeMs);
  return period ? Math.min(period.endMs, state.durationMs) : timeMs;
}

function mustWait(state: PlayerState, timeMs: number): boolean {
  return !state.complete && timeMs >= state.loadedUntilMs;
}

function clamp(timeMs: number, durationMs: number): number {
  return Math.min(Math.max(0, timeMs), durationMs);
}

function unchanged(state: PlayerState): Transition {
  return { state, effects: [] };
}
