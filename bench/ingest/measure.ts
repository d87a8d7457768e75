import { resolve } from 'node:path';
import type { BenchEncoding } from './body-pool.js';
import { forkChild } from './child-process.js';
import { type BenchEngine, createBenchDatabase } from './databases.js';
import type { LoadEvent, LoadJob, LoadReport, ProcessUsage, ServerCommand, ServerEvent } from './messages.js';
import type { BenchOptions } from './options.js';

const INGEST_KEY = 'sl_ingest_bench-0123456789abcdef';

export interface Measurement {
  target: 'ceiling' | 'sightline';
  engine: BenchEngine | null;
  encoding: BenchEncoding;
  /** Spans in 2xx-acknowledged requests per second of the measured run. */
  spansPerSecond: number;
  requestsPerSecond: number;
  /**
   * CPU time of the server process per span. Steadier than throughput on a shared
   * machine; for PostgreSQL it leaves out the database server's own work.
   */
  serverCpuMicrosPerSpan: number;
  load: LoadReport;
  /** Share of one core, and of the event loop, the server used while measured. */
  server: { cpu: number; loopUtilization: number };
  /** Sightline only: the spans in the database against what was acknowledged. */
  stored: StoredCheck | null;
}

export interface StoredCheck {
  spans: number;
  /** Spans of every 2xx response, warm-up included. */
  acknowledged: number;
  /** Spans of every request written: in-flight requests cut off at the end may be committed unacknowledged. */
  sentAtMost: number;
  /** No acknowledged span is missing, and nothing was stored that was never sent. */
  ok: boolean;
}

export async function measureCeiling(encoding: BenchEncoding, options: BenchOptions): Promise<Measurement> {
  const { load, server } = await runAgainst('./ceiling-server.ts', [], [], encoding, options);
  return summarize('ceiling', null, encoding, options, load, server, null);
}

export async function measureSightline(
  engine: BenchEngine,
  encoding: BenchEncoding,
  options: BenchOptions,
): Promise<Measurement> {
  const database = await createBenchDatabase(engine, options.postgresUrl);
  try {
    const profileFlags = options.profileDir
      ? [
          '--cpu-prof',
          `--cpu-prof-dir=${resolve(options.profileDir)}`,
          `--cpu-prof-name=sightline-${engine}-${encoding}-${Date.now()}.cpuprofile`,
        ]
      : [];
    const { load, server } = await runAgainst(
      './sightline-server.ts',
      [database.db, INGEST_KEY],
      profileFlags,
      encoding,
      options,
    );
    const spans = await database.countSpans();
    const perRequest = options.spansPerRequest;
    const acknowledged = ((load.warmup?.ok ?? 0) + load.ok) * perRequest;
    const sentAtMost = ((load.warmup?.sent ?? 0) + load.sent) * perRequest;
    const stored = { spans, acknowledged, sentAtMost, ok: spans >= acknowledged && spans <= sentAtMost };
    return summarize('sightline', engine, encoding, options, load, server, stored);
  } finally {
    await database.drop();
  }
}

/** Starts the server child, drives it with the load child, and closes it once measured. */
async function runAgainst(
  entry: string,
  args: string[],
  nodeFlags: string[],
  encoding: BenchEncoding,
  options: BenchOptions,
): Promise<{ load: LoadReport; server: Measurement['server'] }> {
  const server = forkChild<ServerCommand, ServerEvent>(entry, { args, nodeFlags });
  let loader: ReturnType<typeof forkChild<LoadJob, LoadEvent>> | undefined;
  try {
    const { url } = await server.next('ready');
    loader = forkChild<LoadJob, LoadEvent>('./load-child.ts');
    loader.send({
      type: 'load',
      url,
      path: '/v1/traces',
      encoding,
      headers: { 'x-sightline-key': INGEST_KEY },
      connections: options.connections,
      warmupSeconds: options.warmupSeconds,
      durationSeconds: options.durationSeconds,
      poolSize: options.poolSize,
      spansPerRequest: options.spansPerRequest,
    });
    await loader.next('measuring');
    const before = await snapshot(server);
    const { type: _, ...load } = await loader.next('report');
    const after = await snapshot(server);
    server.send({ type: 'close' });
    await server.next('closed');
    await Promise.all([server.exited, loader.exited]);
    return { load, server: usageBetween(before, after) };
  } catch (error) {
    server.kill();
    loader?.kill();
    throw error;
  }
}

async function snapshot(server: ReturnType<typeof forkChild<ServerCommand, ServerEvent>>): Promise<ProcessUsage> {
  server.send({ type: 'usage' });
  const { type: _, ...usage } = await server.next('usage');
  return usage;
}

function usageBetween(before: ProcessUsage, after: ProcessUsage): Measurement['server'] {
  const active = after.loopActiveMs - before.loopActiveMs;
  const idle = after.loopIdleMs - before.loopIdleMs;
  const wallMs = active + idle;
  return {
    cpu: wallMs > 0 ? (after.cpuMicros - before.cpuMicros) / 1000 / wallMs : 0,
    loopUtilization: wallMs > 0 ? active / wallMs : 0,
  };
}

function summarize(
  target: Measurement['target'],
  engine: BenchEngine | null,
  encoding: BenchEncoding,
  options: BenchOptions,
  load: LoadReport,
  server: Measurement['server'],
  stored: StoredCheck | null,
): Measurement {
  const requestsPerSecond = load.ok / load.durationSeconds;
  const spansPerSecond = requestsPerSecond * options.spansPerRequest;
  return {
    target,
    engine,
    encoding,
    spansPerSecond: Math.round(spansPerSecond),
    requestsPerSecond: Math.round(requestsPerSecond * 10) / 10,
    serverCpuMicrosPerSpan: spansPerSecond > 0 ? Math.round((server.cpu * 1e7) / spansPerSecond) / 10 : 0,
    load,
    server,
    stored,
  };
}
