import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { RECORDER_DIST } from './collector.js';
import type { VariantMeasurement } from './measure.js';
import { type RecorderBenchOptions, VARIANTS, type Variant } from './options.js';

/** The aims of the recorder issue. */
export const AIMS = {
  /** `dist/sightline.js`, gzipped. */
  bundleGzipBytes: 40 * 1024,
  /** Sightline's main-thread overhead over bare rrweb's, at most. */
  overheadRatio: 1.15,
  /** Sightline's bytes per minute over bare rrweb's (with gzip), at most: 20% fewer. */
  bytesRatio: 0.8,
} as const;

export interface VariantSummary {
  variant: Variant;
  /** Medians over the rounds. */
  mainThreadMs: number;
  /** Over the page without a recorder in the same round; the median over rounds. */
  overheadMs: number;
  /** The smallest and largest of the rounds' overheads: how much to trust the median. */
  overheadRangeMs: [number, number];
  uploadedBytesPerMinute: number;
  rawBytesPerMinute: number;
  eventsPerMinute: number;
}

export interface RecorderBenchResults {
  date: string;
  machine: { cpu: string; cores: number; memoryGb: number; node: string; chromium: string; loadAverage: number[] };
  options: Omit<RecorderBenchOptions, 'out'>;
  bundle: { file: string; bytes: number; gzipBytes: number };
  summary: VariantSummary[];
  ratios: {
    /** Sightline's main-thread overhead / bare rrweb's. */
    overheadVsBareRrweb: number;
    /** Sightline's uploaded bytes per minute / bare rrweb's. */
    bytesVsBareRrweb: number;
  };
  aims: { bundleUnder40KB: boolean; overheadWithin15Percent: boolean; atLeast20PercentFewerBytes: boolean };
  measurements: VariantMeasurement[];
}

export function measureBundle(): RecorderBenchResults['bundle'] {
  const code = readFileSync(join(RECORDER_DIST, 'sightline.js'));
  // level 9, as the recorder's build reports it
  return {
    file: 'packages/recorder/dist/sightline.js',
    bytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
  };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
const round1 = (value: number) => Math.round(value * 10) / 10;
const round3 = (value: number) => Math.round(value * 1000) / 1000;

export function buildRecorderResults(
  options: RecorderBenchOptions,
  measurements: VariantMeasurement[],
  chromiumVersion: string,
): RecorderBenchResults {
  const perMinute = (m: VariantMeasurement, value: number) => (value / m.durationMs) * 60_000;
  const of = (variant: Variant) => measurements.filter((m) => m.variant === variant);
  const baselineOf = (round: number) => of('none').find((m) => m.round === round)?.mainThreadMs ?? Number.NaN;
  const summary = VARIANTS.filter((variant) => of(variant).length > 0).map((variant) => {
    const runs = of(variant);
    // each round against the page without a recorder measured beside it, at the same time
    const overheads = runs.map((m) => m.mainThreadMs - baselineOf(m.round));
    return {
      variant,
      mainThreadMs: round1(median(runs.map((m) => m.mainThreadMs))),
      overheadMs: round1(median(overheads)),
      overheadRangeMs: [round1(Math.min(...overheads)), round1(Math.max(...overheads))] as [number, number],
      uploadedBytesPerMinute: Math.round(median(runs.map((m) => m.uploadedBytesPerMinute))),
      rawBytesPerMinute: Math.round(median(runs.map((m) => perMinute(m, m.rawBytes)))),
      eventsPerMinute: Math.round(median(runs.map((m) => perMinute(m, m.events)))),
    };
  });
  const find = (variant: Variant) => summary.find((row) => row.variant === variant);
  const bare = find('bare-rrweb');
  const sightline = find('sightline');
  const ratio = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined || b === 0 ? Number.NaN : round3(a / b);
  const overheadVsBareRrweb = ratio(sightline?.overheadMs, bare?.overheadMs);
  const bytesVsBareRrweb = ratio(sightline?.uploadedBytesPerMinute, bare?.uploadedBytesPerMinute);
  const bundle = measureBundle();
  const { out: _out, ...shownOptions } = options;
  return {
    date: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      chromium: chromiumVersion,
      loadAverage: loadavg().map(round1),
    },
    options: shownOptions,
    bundle,
    summary,
    ratios: { overheadVsBareRrweb, bytesVsBareRrweb },
    aims: {
      bundleUnder40KB: bundle.gzipBytes < AIMS.bundleGzipBytes,
      overheadWithin15Percent: overheadVsBareRrweb <= AIMS.overheadRatio,
      atLeast20PercentFewerBytes: bytesVsBareRrweb <= AIMS.bytesRatio,
    },
    measurements,
  };
}

/** The Markdown table of bench/README.md. */
export function formatRecorderResults(results: RecorderBenchResults): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const lines = [
    `dist/sightline.js: ${kb(results.bundle.gzipBytes)} gzipped (${results.bundle.gzipBytes} bytes; aim < 40 KB: ${yesNo(results.aims.bundleUnder40KB)})`,
    '',
    '| variant | main thread (ms) | overhead (ms), median [range] | uploaded / min (gzip) | raw / min | events / min |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...results.summary.map((row) =>
      row.variant === 'none'
        ? `| none | ${row.mainThreadMs} | — | — | — | — |`
        : `| ${row.variant} | ${row.mainThreadMs} | ${row.overheadMs} [${row.overheadRangeMs.join('–')}] | ${kb(row.uploadedBytesPerMinute)} | ${kb(row.rawBytesPerMinute)} | ${row.eventsPerMinute} |`,
    ),
    '',
    `Sightline vs bare rrweb: overhead × ${results.ratios.overheadVsBareRrweb} (aim ≤ ${AIMS.overheadRatio}: ${yesNo(results.aims.overheadWithin15Percent)}), ` +
      `bytes × ${results.ratios.bytesVsBareRrweb} (aim ≤ ${AIMS.bytesRatio}: ${yesNo(results.aims.atLeast20PercentFewerBytes)})`,
  ];
  return `${lines.join('\n')}\n`;
}

const yesNo = (ok: boolean) => (ok ? 'met' : 'missed');

export function saveRecorderResults(file: string, results: RecorderBenchResults): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
