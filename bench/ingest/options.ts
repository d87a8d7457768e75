import { parseArgs } from 'node:util';
import type { BenchEncoding } from './body-pool.js';
import type { BenchEngine } from './databases.js';

export interface BenchOptions {
  /** Measured seconds per configuration. @default 10 */
  durationSeconds: number;
  /** Unmeasured seconds before each measurement. @default 3 */
  warmupSeconds: number;
  /** Requests kept in flight. @default 32 */
  connections: number;
  /** Distinct request bodies to cycle through. @default 200 */
  poolSize: number;
  /** @default 100 */
  spansPerRequest: number;
  /** @default ['sqlite', 'postgres'] */
  engines: BenchEngine[];
  /** @default ['json', 'protobuf'] */
  encodings: BenchEncoding[];
  /** Admin URL of the PostgreSQL server; each run gets its own database there. @default 'postgres://postgres@127.0.0.1:5432/postgres' */
  postgresUrl: string;
  /** Write V8 CPU profiles of the Sightline server children to this folder. @default none */
  profileDir: string | undefined;
  /** Where the results JSON goes; empty to not save. @default 'bench/results/ingest-<date>.json' */
  out: string;
}

const USAGE = `usage: npm run bench:ingest -- [options]
  --duration <s>      measured seconds per configuration (BENCH_DURATION, default 10)
  --warmup <s>        warm-up seconds before each (BENCH_WARMUP, default 3)
  --connections <n>   requests in flight (BENCH_CONNECTIONS, default 32)
  --pool <n>          distinct request bodies (BENCH_POOL, default 200)
  --spans <n>         spans per request (BENCH_SPANS, default 100)
  --engines <list>    sqlite,postgres (BENCH_ENGINES)
  --encodings <list>  json,protobuf (BENCH_ENCODINGS)
  --postgres-url <u>  admin URL (BENCH_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres)
  --profile <dir>     write --cpu-prof profiles of the Sightline servers there
  --out <file>        results file (default bench/results/ingest-<date>.json); --out '' to not save`;

/** Flags win over `BENCH_*` environment variables, which win over the defaults. */
export function resolveBenchOptions(argv: string[], env: Record<string, string | undefined>): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      pool: { type: 'string' },
      spans: { type: 'string' },
      engines: { type: 'string' },
      encodings: { type: 'string' },
      'postgres-url': { type: 'string' },
      profile: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) throw new Error(USAGE);
  const date = new Date().toISOString().slice(0, 10);
  return {
    durationSeconds: readNumber('duration', values.duration ?? env.BENCH_DURATION, 10, 1),
    warmupSeconds: readNumber('warmup', values.warmup ?? env.BENCH_WARMUP, 3, 0),
    connections: readNumber('connections', values.connections ?? env.BENCH_CONNECTIONS, 32, 1),
    poolSize: readNumber('pool', values.pool ?? env.BENCH_POOL, 200, 1),
    spansPerRequest: readNumber('spans', values.spans ?? env.BENCH_SPANS, 100, 1),
    engines: readList('engines', values.engines ?? env.BENCH_ENGINES, ['sqlite', 'postgres'] as const),
    encodings: readList('encodings', values.encodings ?? env.BENCH_ENCODINGS, ['json', 'protobuf'] as const),
    postgresUrl: values['postgres-url'] ?? env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    profileDir: values.profile,
    out: values.out ?? `bench/results/ingest-${date}.json`,
  };
}

function readNumber(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`--${name}: expected an integer of at least ${min} (actual: '${raw}')\n\n${USAGE}`);
  }
  return value;
}

function readList<T extends string>(name: string, raw: string | undefined, allowed: readonly T[]): T[] {
  if (raw === undefined || raw === '') return [...allowed];
  const items = raw.split(',').map((item) => item.trim());
  const unknown = items.filter((item) => !allowed.includes(item as T));
  if (unknown.length > 0 || items.length === 0) {
    throw new Error(`--${name}: expected a comma-separated subset of ${allowed.join(',')} (actual: '${raw}')`);
  }
  return items as T[];
}
