import type { PlaybackSpeed } from './playback-speed';

/**
 * What draws the replay — the rrweb Replayer in the app, a recording fake in tests. Times
 * are ms from the session start; the renderer converts to its own clock.
 */
export interface ReplayRenderer {
  play(timeMs: number): void;
  pause(): void;
  /** Draws the moment `timeMs`, stopped. */
  show(timeMs: number): void;
  setSpeed(speed: PlaybackSpeed): void;
  destroy(): void;
}
