import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { RECORDER_DIST, startCollector } from './collector.js';
import { measureVariant, type VariantMeasurement } from './measure.js';
import { resolveRecorderBenchOptions, VARIANTS } from './options.js';
import { buildRecorderResults, formatRecorderResults, saveRecorderResults } from './report.js';

/**
 * The recorder's cost on a fixed, mutation-heavy page (page/), in one run: the page with
 * no recorder, with bare `@rrweb/record` posting gzip batches, and with Sightline's
 * `dist/sightline.js`. Main-thread time is CDP's TaskDuration (thread time) over the
 * workload; bytes are the upload bodies as sent.
 *
 * The three variants of a round run at the same time, each in a context (and renderer
 * process) of its own of one headless Chromium: the workload takes a fraction of one
 * core, so they hardly compete, and whatever else slows the machine down (on a shared
 * 2-core VM, a lot) slows all three alike instead of whichever ran then. The summary
 * takes medians over the rounds.
 */
async function main(): Promise<void> {
  const options = resolveRecorderBenchOptions(process.argv.slice(2), process.env);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (!existsSync(join(RECORDER_DIST, 'sightline.js'))) {
    throw new Error('packages/recorder/dist/sightline.js is missing: run `npm run build -w @sightline/recorder` first');
  }
  log(
    `bench:recorder (${options.workload}) — load average ${loadavg()[0]?.toFixed(2)} on ${cpus().length} cores; ` +
      `${options.durationSeconds}s per round, ${options.rounds} round(s), variants side by side`,
  );
  const collector = await startCollector();
  const browser = await chromium.launch({
    executablePath: options.chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const measurements: VariantMeasurement[] = [];
  try {
    // a first page pays for cold caches and JIT: not measured
    await measureVariant(browser, collector, 'sightline', options.workload, 3000, 0);
    for (let round = 1; round <= options.rounds; round++) {
      log(`round ${round}…`);
      const results = await Promise.all(
        VARIANTS.map((variant) =>
          measureVariant(browser, collector, variant, options.workload, options.durationSeconds * 1000, round),
        ),
      );
      for (const measurement of results) {
        measurements.push(measurement);
        log(
          `  ${measurement.variant.padEnd(10)} main thread ${measurement.mainThreadMs} ms, ${measurement.uploads} uploads, ` +
            `${measurement.uploadedBytes} bytes (${measurement.rawBytes} raw), ${measurement.events} events`,
        );
      }
    }
    const results = buildRecorderResults(options, measurements, browser.version());
    process.stdout.write(`\n${formatRecorderResults(results)}`);
    if (options.out) {
      saveRecorderResults(options.out, results);
      log(`\nsaved ${options.out}`);
    }
  } finally {
    await browser.close();
    await collector.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
