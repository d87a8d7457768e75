import type { Browser, CDPSession } from 'playwright-core';
import type { Collector } from './collector.js';
import type { Variant, Workload } from './options.js';

/** One variant's run of the workload. */
export interface VariantMeasurement {
  variant: Variant;
  round: number;
  durationMs: number;
  /** CDP `TaskDuration` over the workload: every task on the page's main thread, page and recorder. */
  mainThreadMs: number;
  /** Of which script, layout and style recalculation (CDP `ScriptDuration`, `LayoutDuration`, `RecalcStyleDuration`). */
  scriptMs: number;
  layoutMs: number;
  recalcStyleMs: number;
  /** Main-thread time from navigation until the workload starts: page load, recorder start, first snapshot. */
  startupMainThreadMs: number;
  uploads: number;
  /** Upload bodies as sent (gzip), from page load to the final flush. */
  uploadedBytes: number;
  uploadedBytesPerMinute: number;
  /** The same uploads decompressed. */
  rawBytes: number;
  events: number;
  /** Mouse moves the page dispatched (the same in every variant). */
  mouseMoves: number;
  /** Decompressed bytes and events by kind, summed over the uploads. */
  byKind: Record<string, { events: number; rawBytes: number }>;
}

/** Lets the recorder start and take its first snapshot before the measured part. */
const SETTLE_MS = 1500;

type Metrics = Record<string, number>;

async function readMetrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((metric) => [metric.name, metric.value]));
}

const deltaMs = (before: Metrics, after: Metrics, name: string): number =>
  Math.round(((after[name] ?? 0) - (before[name] ?? 0)) * 1000 * 10) / 10;

/**
 * Loads the benchmark page with `variant`'s recorder in a fresh context, runs the
 * workload for `durationMs` between two `Performance.getMetrics`, then has the recorder
 * send what it still holds and counts what the collector received for this run.
 */
export async function measureVariant(
  browser: Browser,
  collector: Collector,
  variant: Variant,
  workload: Workload,
  durationMs: number,
  round: number,
): Promise<VariantMeasurement> {
  const run = `bench-${variant}-${round}-${Date.now()}`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    // thread CPU time, not wall time: other load on the machine (2 cores in CI) disturbs it far less
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(collector.pageUrl(variant, run, workload), { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    const before = await readMetrics(cdp);
    const { mouseMoves } = await page.evaluate(
      (ms) => (globalThis as unknown as { bench: { run(ms: number): Promise<{ mouseMoves: number }> } }).bench.run(ms),
      durationMs,
    );
    const after = await readMetrics(cdp);
    // what the recorder still holds goes out now, outside the measured time
    await page.evaluate(async () => {
      const global = globalThis as unknown as {
        Sightline?: { stop(): Promise<void> };
        bareRecorder?: { flush(): Promise<void> };
      };
      await global.Sightline?.stop();
      await global.bareRecorder?.flush();
    });
    const uploads = collector.uploads.filter((upload) => upload.run === run);
    const uploadedBytes = uploads.reduce((sum, upload) => sum + upload.bytes, 0);
    return {
      variant,
      round,
      durationMs,
      mainThreadMs: deltaMs(before, after, 'TaskDuration'),
      scriptMs: deltaMs(before, after, 'ScriptDuration'),
      layoutMs: deltaMs(before, after, 'LayoutDuration'),
      recalcStyleMs: deltaMs(before, after, 'RecalcStyleDuration'),
      startupMainThreadMs: Math.round((before.TaskDuration ?? 0) * 1000 * 10) / 10,
      uploads: uploads.length,
      uploadedBytes,
      uploadedBytesPerMinute: Math.round((uploadedBytes / durationMs) * 60_000),
      rawBytes: uploads.reduce((sum, upload) => sum + upload.rawBytes, 0),
      events: uploads.reduce((sum, upload) => sum + upload.events, 0),
      mouseMoves,
      byKind: sumByKind(uploads.map((upload) => upload.byKind)),
    };
  } finally {
    await context.close();
  }
}

function sumByKind(parts: VariantMeasurement['byKind'][]): VariantMeasurement['byKind'] {
  const total: VariantMeasurement['byKind'] = {};
  for (const part of parts) {
    for (const [kind, { events, rawBytes }] of Object.entries(part)) {
      const entry = total[kind] ?? { events: 0, rawBytes: 0 };
      entry.events += events;
      entry.rawBytes += rawBytes;
      total[kind] = entry;
    }
  }
  return total;
}
