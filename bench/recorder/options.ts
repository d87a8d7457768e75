import { parseArgs } from 'node:util';

/** The three pages measured side by side. */
export const VARIANTS = ['none', 'bare-rrweb', 'sightline'] as const;
export type Variant = (typeof VARIANTS)[number];

/** `mutation-heavy`: the page re-renders rows, ticks text, restyles, scrolls, types; `calm`: it only scrolls (mouse moves in both). */
export const WORKLOADS = ['mutation-heavy', 'calm'] as const;
export type Workload = (typeof WORKLOADS)[number];

export interface RecorderBenchOptions {
  /** @default 'mutation-heavy' */
  workload: Workload;
  /** Seconds the workload runs per variant and round. @default 60 */
  durationSeconds: number;
  /** Rounds, each measuring every variant in turn; the summary takes the median. @default 3 */
  rounds: number;
  /** @default '/usr/bin/chromium' (or CHROMIUM_PATH) */
  chromiumPath: string;
  /** Where the results JSON goes; empty to not save. @default 'bench/results/recorder-<date>.json' (`recorder-calm-<date>.json` for the calm workload) */
  out: string;
}

const USAGE = `usage: npm run bench:recorder -- [options]
  --workload <w>   mutation-heavy (default) or calm: scrolling and mouse moves only (BENCH_WORKLOAD)
  --duration <s>   seconds of workload per variant and round (BENCH_DURATION, default 60)
  --rounds <n>     rounds of the three variants, median reported (BENCH_ROUNDS, default 3)
  --chromium <p>   Chromium executable (CHROMIUM_PATH, default /usr/bin/chromium)
  --out <file>     results file (default bench/results/recorder-<date>.json); --out '' to not save`;

/** Flags win over environment variables, which win over the defaults. */
export function resolveRecorderBenchOptions(
  argv: string[],
  env: Record<string, string | undefined>,
): RecorderBenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      workload: { type: 'string' },
      duration: { type: 'string' },
      rounds: { type: 'string' },
      chromium: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) throw new Error(USAGE);
  const date = new Date().toISOString().slice(0, 10);
  const workload = values.workload ?? env.BENCH_WORKLOAD ?? 'mutation-heavy';
  if (!(WORKLOADS as readonly string[]).includes(workload)) {
    throw new Error(`--workload: expected ${WORKLOADS.join(' or ')} (actual: '${workload}')\n\n${USAGE}`);
  }
  return {
    workload: workload as Workload,
    durationSeconds: readInteger('duration', values.duration ?? env.BENCH_DURATION, 60, 5),
    rounds: readInteger('rounds', values.rounds ?? env.BENCH_ROUNDS, 3, 1),
    chromiumPath: values.chromium ?? env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    out: values.out ?? `bench/results/recorder-${workload === 'calm' ? 'calm-' : ''}${date}.json`,
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
