import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import type { BenchEncoding } from './body-pool.js';
import type { BenchEngine } from './databases.js';
import type { Measurement } from './measure.js';
import type { BenchOptions } from './options.js';

/** The goal on SQLite: Sightline keeps at least this share of the ceiling. */
export const SQLITE_TARGET_RATIO = 0.4;

export interface SummaryRow {
  encoding: BenchEncoding;
  engine: BenchEngine;
  sightlineSpansPerSecond: number;
  ceilingSpansPerSecond: number;
  ratio: number;
  /**
   * Ceiling CPU time per span over Sightline's: the same comparison measured in CPU
   * time, which other load on the machine disturbs less. Flatters PostgreSQL, whose
   * own work happens outside the Sightline process.
   */
  cpuRatio: number;
  /** Requests answered with anything but 2xx, plus socket errors and timeouts. */
  failedRequests: number;
  storedMatchesAcknowledged: boolean;
}

export interface BenchResults {
  date: string;
  machine: {
    cpu: string;
    cores: number;
    memoryGb: number;
    node: string;
    platform: string;
    /** 1-minute load average before and after the run: anything else running skews the numbers. */
    loadAverage: { before: number; after: number };
  };
  options: Omit<BenchOptions, 'out' | 'profileDir'>;
  summary: SummaryRow[];
  measurements: Measurement[];
}

export function buildResults(
  options: BenchOptions,
  measurements: Measurement[],
  loadAverageBefore: number,
): BenchResults {
  const summary: SummaryRow[] = [];
  for (const sightline of measurements) {
    if (sightline.target !== 'sightline' || !sightline.engine) continue;
    const ceiling = measurements.find((m) => m.target === 'ceiling' && m.encoding === sightline.encoding);
    const ceilingSpans = ceiling?.spansPerSecond ?? 0;
    summary.push({
      encoding: sightline.encoding,
      engine: sightline.engine,
      sightlineSpansPerSecond: sightline.spansPerSecond,
      ceilingSpansPerSecond: ceilingSpans,
      ratio: ceilingSpans > 0 ? round3(sightline.spansPerSecond / ceilingSpans) : 0,
      cpuRatio:
        ceiling && sightline.serverCpuMicrosPerSpan > 0
          ? round3(ceiling.serverCpuMicrosPerSpan / sightline.serverCpuMicrosPerSpan)
          : 0,
      failedRequests: sightline.load.non2xx + sightline.load.errors + sightline.load.timeouts,
      storedMatchesAcknowledged: sightline.stored?.ok ?? false,
    });
  }
  const { out: _out, profileDir: _profileDir, ...measuredWith } = options;
  return {
    date: new Date().toISOString(),
    machine: describeMachine(loadAverageBefore),
    options: measuredWith,
    summary,
    measurements,
  };
}

function describeMachine(loadAverageBefore: number): BenchResults['machine'] {
  const processors = cpus();
  return {
    loadAverage: { before: loadAverageBefore, after: round2(loadavg()[0] ?? 0) },
    cpu: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

/** The results as Markdown tables, the form `bench/README.md` shows. */
export function formatResults(results: BenchResults): string {
  const ratioTable = [
    '| encoding | engine | Sightline spans/s | ceiling spans/s | ratio | CPU-time ratio | failed requests | stored = acked |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | :---: |',
    ...results.summary.map(
      (row) =>
        `| ${row.encoding} | ${row.engine} | ${format(row.sightlineSpansPerSecond)} | ${format(row.ceilingSpansPerSecond)} | ` +
        `${(row.ratio * 100).toFixed(1)}%${row.engine === 'sqlite' && row.ratio < SQLITE_TARGET_RATIO ? ' (below 40%)' : ''} | ` +
        `${(row.cpuRatio * 100).toFixed(1)}% | ` +
        `${row.failedRequests} | ${row.storedMatchesAcknowledged ? 'yes' : 'NO'} |`,
    ),
  ];
  const detailTable = [
    '| target | encoding | req/s | p50 ms | p99 ms | server CPU | server CPU µs/span | server loop busy | loader CPU | body bytes |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.measurements.map(
      (m) =>
        `| ${m.target === 'ceiling' ? 'ceiling' : `sightline/${m.engine}`} | ${m.encoding} | ${format(m.requestsPerSecond)} | ` +
        `${m.load.latencyMs.p50} | ${m.load.latencyMs.p99} | ${percent(m.server.cpu)} | ${m.serverCpuMicrosPerSpan} | ${percent(m.server.loopUtilization)} | ` +
        `${percent(m.load.loaderCpu)} | ${format(m.load.meanBodyBytes)} |`,
    ),
  ];
  return `${ratioTable.join('\n')}\n\n${detailTable.join('\n')}\n`;
}

export function saveResults(file: string, results: BenchResults): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function format(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
