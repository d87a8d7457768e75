import type { StopCapture } from '../capture.js';

/**
 * One `stop` for several: runs each once, last installed first (so stacked patches
 * unwind in order), and keeps going when one of them fails.
 */
export function stopAll(stops: StopCapture[], report: (error: unknown) => void): StopCapture {
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    for (const stop of [...stops].reverse()) {
      try {
        stop();
      } catch (error) {
        report(error);
      }
    }
  };
}

/**
 * Runs installers in order and returns one `stop` for all of them. An installer that
 * throws is reported and skipped: the others still work, and a capture never throws.
 */
export function installAll(installers: (() => StopCapture)[], report: (error: unknown) => void): StopCapture {
  const stops: StopCapture[] = [];
  for (const install of installers) {
    try {
      stops.push(install());
    } catch (error) {
      report(error);
    }
  }
  return stopAll(stops, report);
}
