import { parseArgs } from 'node:util';

export interface PlayerBenchOptions {
  /** Cold opens of the replay page, each in a fresh browser context; the median is reported. @default 5 */
  runs: number;
  /** Seconds of playback sampled for memory. @default 30 */
  playSeconds: number;
  /** Playback speed while sampling: one of the player's speeds. @default 8 */
  speed: 1 | 2 | 4 | 8;
  /** Session length in minutes. @default 30 */
  minutes: number;
  /** About this many events in the session. @default 50000 */
  events: number;
  /** @default '/usr/bin/chromium' (or CHROMIUM_PATH) */
  chromiumPath: string;
  /** Where the results JSON goes; empty to not save. @default 'bench/results/player-<date>.json' */
  out: string;
}

const SPEEDS = [1, 2, 4, 8] as const;

const USAGE = `usage: npm run bench:player -- [options]
  --runs <n>        cold opens of the replay page, median reported (BENCH_RUNS, default 5)
  --play <s>        seconds of playback sampled for memory (BENCH_PLAY_SECONDS, default 30)
  --speed <x>       playback speed while sampling: 1, 2, 4 or 8 (BENCH_SPEED, default 8)
  --minutes <m>     length of the generated session (BENCH_MINUTES, default 30)
  --events <n>      about this many events in it (BENCH_EVENTS, default 50000)
  --chromium <p>    Chromium executable (CHROMIUM_PATH, default /usr/bin/chromium)
  --out <file>      results file (default bench/results/player-<date>.json); --out '' to not save`;

/** Flags win over environment variables, which win over the defaults. */
export function resolvePlayerBenchOptions(argv: string[], env: Record<string, string | undefined>): PlayerBenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string' },
      play: { type: 'string' },
      speed: { type: 'string' },
      minutes: { type: 'string' },
      events: { type: 'string' },
      chromium: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) throw new Error(USAGE);
  const speed = readInteger('speed', values.speed ?? env.BENCH_SPEED, 8, 1);
  if (!(SPEEDS as readonly number[]).includes(speed)) {
    throw new Error(`--speed: expected one of ${SPEEDS.join(', ')} (actual: '${speed}')\n\n${USAGE}`);
  }
  return {
    runs: readInteger('runs', values.runs ?? env.BENCH_RUNS, 5, 1),
    playSeconds: readInteger('play', values.play ?? env.BENCH_PLAY_SECONDS, 30, 1),
    speed: speed as PlayerBenchOptions['speed'],
    minutes: readInteger('minutes', values.minutes ?? env.BENCH_MINUTES, 30, 1),
    events: readInteger('events', values.events ?? env.BENCH_EVENTS, 50_000, 100),
    chromiumPath: values.chromium ?? env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    out: values.out ?? `bench/results/player-${new Date().toISOString().slice(0, 10)}.json`,
  };
}

function readInteger(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`--${name}: expected an integer of at least ${min} (actual: '${raw}')\n\n${USAGE}`);
  }
  return value;
}
