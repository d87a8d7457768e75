import { cpus, loadavg } from 'node:os';
import { type Measurement, measureCeiling, measureSightline } from './measure.js';
import { resolveBenchOptions } from './options.js';
import { buildResults, formatResults, round2, saveResults } from './report.js';

/**
 * OTLP trace ingest throughput, in spans per second: Sightline on each engine against a
 * bare decode-and-discard server (the ceiling), for OTLP/JSON and OTLP/protobuf. Every
 * server runs in a child process of its own and the load generator in another.
 */
async function main(): Promise<void> {
  const options = resolveBenchOptions(process.argv.slice(2), process.env);
  const loadAverageBefore = round2(loadavg()[0] ?? 0);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(
    `bench:ingest — load average ${loadAverageBefore} on ${cpus().length} cores; ${options.durationSeconds}s measured after ${options.warmupSeconds}s warm-up, ` +
      `${options.connections} connections, ${options.spansPerRequest} spans/request, ${options.poolSize} bodies`,
  );

  const measurements: Measurement[] = [];
  for (const encoding of options.encodings) {
    log(`ceiling ${encoding}…`);
    measurements.push(await measureCeiling(encoding, options));
    log(`  ${describe(measurements.at(-1))}`);
    for (const engine of options.engines) {
      log(`sightline ${engine} ${encoding}…`);
      measurements.push(await measureSightline(engine, encoding, options));
      log(`  ${describe(measurements.at(-1))}`);
    }
  }

  const results = buildResults(options, measurements, loadAverageBefore);
  process.stdout.write(`\n${formatResults(results)}`);
  if (options.out) {
    saveResults(options.out, results);
    log(`\nsaved ${options.out}`);
  }
  const suspect = results.summary.filter((row) => !row.storedMatchesAcknowledged || row.failedRequests > 0);
  if (suspect.length > 0) {
    log(`\nwarning: failed requests or a stored-span mismatch in ${suspect.length} configuration(s), see the JSON`);
    process.exitCode = 1;
  }
}

function describe(measurement: Measurement | undefined): string {
  if (!measurement) return '';
  const { load, stored } = measurement;
  const failures = `${load.non2xx} non-2xx, ${load.errors} errors, ${load.timeouts} timeouts`;
  const check = stored ? `; stored ${stored.spans} spans, acknowledged ${stored.acknowledged}` : '';
  return `${measurement.spansPerSecond.toLocaleString('en-US')} spans/s (${failures}${check})`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
