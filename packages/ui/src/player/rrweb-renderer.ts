import { type eventWithTime, Replayer } from 'rrweb';
import 'rrweb/dist/style.css';
import type { RecordedEvent } from '../replay/recorded-event';
import { toReplayerOffset } from '../timeline/session-time';
import type { Size } from './fit-viewport';
import type { PlaybackSpeed } from './playback-speed';
import type { ReplayRenderer } from './replay-renderer';

export interface RrwebRendererOptions {
  /** Must be in the document: rrweb builds its sandboxed iframe inside it. */
  root: HTMLElement;
  /** The first page of events; at least two, starting with Meta and a full snapshot. */
  events: readonly RecordedEvent[];
  sessionStartMs: number;
  /** The recorded viewport changed size (a page load, a window resize). */
  onResize?: (size: Size) => void;
  /** The replay could not apply something (a corrupt or missing batch). Playback goes on. */
  onWarning?: (message: string) => void;
}

export interface RrwebRenderer extends ReplayRenderer {
  /** Adds a later page of events, a slice per task so a big page never freezes the tab. */
  addEvents(events: readonly RecordedEvent[]): void;
}

/** Events fed to rrweb per task when a page arrives. */
const EVENTS_PER_SLICE = 2_000;

/**
 * The rrweb Replayer behind the `ReplayRenderer` contract. It keeps rrweb's sandbox
 * (`allow-same-origin` only: no recorded script can run), never replays canvas (that
 * would need `allow-scripts`), injects no style rules, draws no mouse tail, and plays
 * without rrweb's own inactivity skipping: the player machine decides what is skipped,
 * on its own clock.
 */
export function createRrwebRenderer(options: RrwebRendererOptions): RrwebRenderer {
  const first = options.events[0];
  if (!first || options.events.length < 2) throw new Error('the replay needs at least two events to start');
  const replayStartMs = first.timestamp;
  const replayer = new Replayer(toRrwebEvents(options.events), {
    root: options.root,
    speed: 1,
    skipInactive: false,
    UNSAFE_replayCanvas: false,
    insertStyleRules: [],
    triggerFocus: false,
    pauseAnimation: true,
    showWarning: false,
    showDebug: false,
    // no tail: rrweb redraws the whole tail for every mouse position and drops points only
    // on timers, so a late frame at 8× feeds thousands of points into an O(n²) redraw and
    // the tab locks up for minutes (bench/player, 30-minute session). The cursor still moves.
    mouseTail: false,
    logger: {
      log: () => {},
      warn: (...args: unknown[]) => options.onWarning?.(args.map(String).join(' ')),
    },
  });
  replayer.on('resize', (dimension) => {
    if (isSize(dimension)) options.onResize?.(dimension);
  });

  const queue: RecordedEvent[][] = [];
  let feeding: ReturnType<typeof setTimeout> | undefined;
  let destroyed = false;

  function feed(): void {
    feeding = undefined;
    if (destroyed) return;
    const page = queue[0];
    if (!page) return;
    for (const event of page.splice(0, EVENTS_PER_SLICE)) replayer.addEvent(event as unknown as eventWithTime);
    if (page.length === 0) queue.shift();
    if (queue.length > 0) feeding = setTimeout(feed, 0);
  }

  const offsetOf = (timeMs: number) => toReplayerOffset(timeMs, options.sessionStartMs, replayStartMs);

  return {
    play: (timeMs) => replayer.play(offsetOf(timeMs)),
    pause: () => replayer.pause(),
    // at least 1 ms: rrweb draws at once only the events *before* the offset and leaves the
    // rest to its timer, which pausing clears, so `pause(0)` would redraw nothing and leave
    // the previous frame on screen; at 1 ms the opening Meta and snapshot are applied
    show: (timeMs) => replayer.pause(Math.max(1, offsetOf(timeMs))),
    setSpeed: (speed: PlaybackSpeed) => replayer.setConfig({ speed }),
    addEvents(events) {
      if (destroyed || events.length === 0) return;
      queue.push([...events]);
      if (feeding === undefined) feeding = setTimeout(feed, 0);
    },
    destroy() {
      destroyed = true;
      if (feeding !== undefined) clearTimeout(feeding);
      replayer.destroy();
    },
  };
}

/** Our checked events are rrweb's events: only the minimal shape is typed on our side. */
function toRrwebEvents(events: readonly RecordedEvent[]): eventWithTime[] {
  return events as unknown as eventWithTime[];
}

function isSize(value: unknown): value is Size {
  if (typeof value !== 'object' || value === null) return false;
  const { width, height } = value as { width?: unknown; height?: unknown };
  return typeof width === 'number' && typeof height === 'number';
}
