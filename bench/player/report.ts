import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import type { OpenMeasurement, PlaybackMeasurement } from './measure.js';
import type { PlayerBenchOptions } from './options.js';
import type { GeneratedSession } from './session/generate-session.js';
import type { UploadResult } from './session/upload-session.js';

/** The aim of the UI issue: a 30-minute session shows its first frame in under a second. */
export const FIRST_FRAME_AIM_MS = 1000;

export interface PlayerBenchResults {
  date: string;
  machine: { cpu: string; cores: number; memoryGb: number; node: string; chromium: string; loadAverage: number[] };
  options: Omit<PlayerBenchOptions, 'out' | 'chromiumPath'>;
  session: GeneratedSession['stats'] & { durationMs: number } & UploadResult;
  open: {
    runs: OpenMeasurement[];
    /** Medians over the runs. */
    median: Omit<OpenMeasurement, 'run'>;
  };
  playback: PlaybackMeasurement;
  aims: { firstFrameUnder1s: boolean };
}

export function buildPlayerResults(
  options: PlayerBenchOptions,
  session: GeneratedSession,
  upload: UploadResult,
  runs: OpenMeasurement[],
  playback: PlaybackMeasurement,
  chromium: string,
): PlayerBenchResults {
  const median = medianOf(runs);
  return {
    date: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGb: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
      chromium,
      loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
    },
    options: {
      runs: options.runs,
      playSeconds: options.playSeconds,
      speed: options.speed,
      minutes: options.minutes,
      events: options.events,
    },
    session: { ...session.stats, durationMs: options.minutes * 60_000, ...upload },
    open: { runs, median },
    playback,
    aims: { firstFrameUnder1s: median.firstFrameMs < FIRST_FRAME_AIM_MS },
  };
}

export function formatPlayerResults(results: PlayerBenchResults): string {
  const { session, open, playback } = results;
  const ms = (value: number | null) => (value === null ? '—' : `${value} ms`);
  const lines = [
    `Session: ${session.events.toLocaleString('en')} events in ${session.batches} batches over ${session.durationMs / 60_000} min, ` +
      `full snapshot of ${session.snapshotNodes.toLocaleString('en')} nodes ×${session.fullSnapshots}, ` +
      `${(session.rawBytes / 1e6).toFixed(1)} MB JSON / ${(session.gzipBytes / 1e6).toFixed(2)} MB gzip`,
    '',
    '| run | first frame | summary | first events page | rrweb chunk | all events | heap after load | DOM nodes |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...open.runs.map(
      (run) =>
        `| ${run.run} | ${ms(run.firstFrameMs)} | ${ms(run.summaryMs)} | ${ms(run.firstEventsPageMs)} | ${ms(run.rendererChunkMs)} | ` +
        `${ms(run.allEventsLoadedMs)} | ${run.heapAfterLoadMb} MB | ${run.domNodesAfterLoad.toLocaleString('en')} |`,
    ),
    `| median | **${ms(open.median.firstFrameMs)}** | ${ms(open.median.summaryMs)} | ${ms(open.median.firstEventsPageMs)} | ` +
      `${ms(open.median.rendererChunkMs)} | ${ms(open.median.allEventsLoadedMs)} | ${open.median.heapAfterLoadMb} MB | ` +
      `${open.median.domNodesAfterLoad.toLocaleString('en')} |`,
    '',
    `Playing at ${playback.speed}× for ${playback.seconds} s (reached ${playback.reachedClock}): JS heap median ` +
      `${playback.heapMedianMb} MB, max ${playback.heapMaxMb} MB, ${playback.heapAfterGcMb} MB after pausing and a GC; ` +
      `up to ${playback.domNodesMax.toLocaleString('en')} DOM nodes; ${playback.longTasks.count} long tasks ` +
      `(max ${playback.longTasks.maxMs} ms, ${playback.longTasks.totalMs} ms in all)`,
    '',
    `Aim: first frame under ${FIRST_FRAME_AIM_MS} ms: ${results.aims.firstFrameUnder1s ? 'met' : 'NOT met'}`,
  ];
  return `${lines.join('\n')}\n`;
}

export function savePlayerResults(file: string, results: PlayerBenchResults): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

function medianOf(runs: readonly OpenMeasurement[]): Omit<OpenMeasurement, 'run'> {
  const median = (pick: (run: OpenMeasurement) => number | null): number | null => {
    const values = runs.map(pick).filter((value): value is number => value !== null);
    if (values.length === 0) return null;
    const sorted = values.sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    const value = sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
    return Math.round((value ?? 0) * 10) / 10;
  };
  return {
    firstFrameMs: median((run) => run.firstFrameMs) ?? 0,
    summaryMs: median((run) => run.summaryMs),
    firstEventsPageMs: median((run) => run.firstEventsPageMs),
    rendererChunkMs: median((run) => run.rendererChunkMs),
    allEventsLoadedMs: median((run) => run.allEventsLoadedMs) ?? 0,
    heapAfterLoadMb: median((run) => run.heapAfterLoadMb) ?? 0,
    domNodesAfterLoad: median((run) => run.domNodesAfterLoad) ?? 0,
  };
}
