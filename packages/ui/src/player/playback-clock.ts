import type { PlaybackSpeed } from './playback-speed';

/**
 * The player's clock, apart from any view and from rrweb's timer: where the playhead is
 * (ms from the session start), given when it started, at what speed. Reads a monotonic
 * time source so tests can drive it.
 */
export interface PlaybackClock {
  /** The playhead now. */
  read(): number;
  /** Runs from `timeMs` at `speed`. */
  start(timeMs: number, speed: PlaybackSpeed): void;
  /** Stops at `timeMs`. */
  stop(timeMs: number): void;
  /** Keeps the playhead where it is and goes on at another speed. */
  setSpeed(speed: PlaybackSpeed): void;
  readonly running: boolean;
}

/** @example const clock = createPlaybackClock(() => performance.now()); */
export function createPlaybackClock(now: () => number): PlaybackClock {
  let anchorTimeMs = 0;
  let anchorNow = 0;
  let speed: PlaybackSpeed = 1;
  let running = false;

  function read(): number {
    return running ? anchorTimeMs + (now() - anchorNow) * speed : anchorTimeMs;
  }

  return {
    read,
    start(timeMs, nextSpeed) {
      anchorTimeMs = timeMs;
      anchorNow = now();
      speed = nextSpeed;
      running = true;
    },
    stop(timeMs) {
      anchorTimeMs = timeMs;
      running = false;
    },
    setSpeed(nextSpeed) {
      anchorTimeMs = read();
      anchorNow = now();
      speed = nextSpeed;
    },
    get running() {
      return running;
    },
  };
}
