import type { PlaybackClock } from './playback-clock';
import {
  createInitialPlayerState,
  type PlayerEffect,
  type PlayerEvent,
  type PlayerState,
  transition,
} from './player-machine';
import type { ReplayRenderer } from './replay-renderer';

export interface FrameScheduler {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

export interface PlayerControllerOptions {
  clock: PlaybackClock;
  frames: FrameScheduler;
  /** The moment to open at (`?t=`), in ms from the session start. */
  initialTimeMs?: number;
  /** The session's length as its summary says, before any event is loaded. */
  initialDurationMs?: number;
}

/**
 * Drives the player: feeds events to the state machine, carries out its effects on the
 * renderer and the clock, and ticks the clock once a frame while playing. Views only
 * `dispatch` and `subscribe`.
 */
export interface PlayerController {
  getState(): PlayerState;
  dispatch(event: PlayerEvent): void;
  /** Called after every change of state; returns the unsubscribe function. */
  subscribe(listener: (state: PlayerState) => void): () => void;
  /** Attaches the renderer once the first page of events is in; effects before that are replayed on it. */
  attachRenderer(renderer: ReplayRenderer): void;
  destroy(): void;
}

export function createPlayerController(options: PlayerControllerOptions): PlayerController {
  const { clock, frames } = options;
  let state = createInitialPlayerState({
    ...(options.initialTimeMs !== undefined ? { timeMs: options.initialTimeMs } : {}),
    ...(options.initialDurationMs !== undefined ? { durationMs: options.initialDurationMs } : {}),
  });
  let renderer: ReplayRenderer | undefined;
  let frame: number | undefined;
  let destroyed = false;
  const listeners = new Set<(state: PlayerState) => void>();

  function apply(effect: PlayerEffect): void {
    switch (effect.type) {
      case 'play':
        clock.start(effect.timeMs, state.speed);
        renderer?.play(effect.timeMs);
        break;
      case 'pause':
        clock.stop(effect.timeMs);
        renderer?.pause();
        break;
      case 'show':
        clock.stop(effect.timeMs);
        renderer?.show(effect.timeMs);
        break;
      case 'speed':
        clock.setSpeed(effect.speed);
        renderer?.setSpeed(effect.speed);
        break;
    }
  }

  function scheduleTick(): void {
    if (frame !== undefined || destroyed || !clock.running) return;
    frame = frames.request(() => {
      frame = undefined;
      if (!clock.running) return;
      dispatch({ type: 'TICK', timeMs: clock.read() });
    });
  }

  function dispatch(event: PlayerEvent): void {
    if (destroyed) return;
    const result = transition(state, event);
    const changed = result.state !== state;
    state = result.state;
    for (const effect of result.effects) apply(effect);
    if (changed) for (const listener of listeners) listener(state);
    scheduleTick();
  }

  return {
    getState: () => state,
    dispatch,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    attachRenderer(next) {
      renderer = next;
      renderer.setSpeed(state.speed);
      if (state.status === 'playing' && !state.buffering) renderer.play(state.timeMs);
      else if (state.status !== 'loading') renderer.show(state.timeMs);
    },
    destroy() {
      destroyed = true;
      if (frame !== undefined) frames.cancel(frame);
      listeners.clear();
      renderer?.destroy();
    },
  };
}
