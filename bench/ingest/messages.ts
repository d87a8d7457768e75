import type { BenchEncoding } from './body-pool.js';

/** What a server under test reports about its own process between two snapshots. */
export interface ProcessUsage {
  cpuMicros: number;
  /** Event-loop time spent busy and idle, ms (`performance.eventLoopUtilization`). */
  loopActiveMs: number;
  loopIdleMs: number;
}

export type ServerCommand = { type: 'usage' } | { type: 'close' };

export type ServerEvent =
  | { type: 'ready'; url: string }
  | ({ type: 'usage' } & ProcessUsage)
  | { type: 'closed' }
  | { type: 'failed'; message: string };

export interface LoadJob {
  type: 'load';
  url: string;
  path: string;
  encoding: BenchEncoding;
  headers: Record<string, string>;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  poolSize: number;
  spansPerRequest: number;
}

/** Counts of one autocannon run. */
export interface LoadCounts {
  durationSeconds: number;
  ok: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  /** Requests written, answered or not: a server may commit some the client never saw acknowledged. */
  sent: number;
}

export interface LoadReport extends LoadCounts {
  warmup: LoadCounts | null;
  latencyMs: { p50: number; p99: number; max: number };
  meanBodyBytes: number;
  /** Share of one core the load generator used while measuring. */
  loaderCpu: number;
}

export type LoadEvent = { type: 'measuring' } | ({ type: 'report' } & LoadReport) | { type: 'failed'; message: string };
