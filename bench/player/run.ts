import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../packages/server/src/server.js';
import { measureOpen, measurePlayback, type OpenMeasurement } from './measure.js';
import { resolvePlayerBenchOptions } from './options.js';
import { buildPlayerResults, formatPlayerResults, savePlayerResults } from './report.js';
import { DEFAULT_SESSION_SHAPE, generateSession } from './session/generate-session.js';
import { uploadSession } from './session/upload-session.js';

const UI_DIST = join(import.meta.dirname, '..', '..', 'packages', 'ui', 'dist', 'index.html');
const INGEST_KEY = 'sl_ingest_bench-player-0123456789';
const ADMIN_TOKEN = 'sl_admin_bench-player-0123456789';

/**
 * The replay page on a long session: generates a 30-minute, ~50,000-event rrweb session
 * (`session/`), posts it to a real Sightline server (SQLite, a temp file) through
 * `/v1/replay` as the recorder would, then in headless Chromium opens `/sessions/:id`
 * cold several times (time to first frame, to every event loaded, heap after loading)
 * and plays it at 8× for 30 s, sampling the JS heap each second.
 */
async function main(): Promise<void> {
  const options = resolvePlayerBenchOptions(process.argv.slice(2), process.env);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (!existsSync(UI_DIST)) throw new Error('packages/ui/dist is missing: run `npm run build -w @sightline/ui` first');
  log(`bench:player — load average ${loadavg()[0]?.toFixed(2)} on ${cpus().length} cores`);

  const shape = { ...DEFAULT_SESSION_SHAPE, durationMs: options.minutes * 60_000, targetEvents: options.events };
  // the session ended an hour ago, as one opened from the list would have
  const session = generateSession(shape, Date.now() - shape.durationMs - 3_600_000);
  log(`generated ${session.stats.events} events in ${session.stats.batches} batches`);

  const dir = mkdtempSync(join(tmpdir(), 'sightline-bench-player-'));
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    db: join(dir, 'sightline.db'),
    logLevel: 'silent',
    ingestKey: INGEST_KEY,
    adminToken: ADMIN_TOKEN,
  });
  const browser = await chromium.launch({
    executablePath: options.chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const sessionId = randomUUID();
    const upload = await uploadSession(server.url, INGEST_KEY, sessionId, session);
    log(`uploaded ${(upload.gzipBytes / 1e6).toFixed(2)} MB (gzip) in ${upload.ms} ms`);
    const url = `${server.url}/sessions/${sessionId}`;

    const runs: OpenMeasurement[] = [];
    for (let run = 1; run <= options.runs; run += 1) {
      const measurement = await measureOpen(browser, url, run);
      runs.push(measurement);
      log(
        `open ${run}: first frame ${measurement.firstFrameMs} ms, all events ${measurement.allEventsLoadedMs} ms, ` +
          `heap ${measurement.heapAfterLoadMb} MB`,
      );
    }
    log(`playing at ${options.speed}× for ${options.playSeconds} s…`);
    const playback = await measurePlayback(browser, url, options.speed, options.playSeconds);

    const results = buildPlayerResults(options, session, upload, runs, playback, browser.version());
    process.stdout.write(`\n${formatPlayerResults(results)}`);
    if (options.out) {
      savePlayerResults(options.out, results);
      log(`\nsaved ${options.out}`);
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
