import type { Capture, ConsoleCaptureOptions } from './capture.js';
import { buildConsolePayload, type ConsoleLevel } from './console/console-payload.js';
import { patchMethod } from './internal/patch-method.js';
import { withSafeReporting } from './internal/safe-context.js';
import { installAll } from './internal/stop-all.js';

/**
 * Records calls to the chosen `console` methods as `sightline.console` events. The
 * original method always runs first, with the original arguments, so DevTools shows
 * exactly what it would without us.
 *
 * @example
 * const stop = captureConsole(context, { levels: ['warn', 'error'], maxArgLength: 2000, maxDepth: 4 });
 */
export const captureConsole: Capture<ConsoleCaptureOptions> = (context, options) => {
  const report = withSafeReporting(context).reportInternalError;
  // set while we record: what our own code logs meanwhile (an error handler, rrweb) is not recorded again
  let recording = false;
  const record = (level: ConsoleLevel, args: unknown[]) => {
    if (recording) return;
    recording = true;
    try {
      const payload = buildConsolePayload(level, args, options);
      if (payload) context.emit('console', payload);
    } catch (error) {
      report(error);
    } finally {
      recording = false;
    }
  };
  return installAll(
    [...new Set(options.levels)].map(
      (level) => () =>
        patchMethod(
          globalThis.console,
          level,
          (previous) =>
            function (this: unknown, ...args: unknown[]) {
              const result = previous.apply(this, args);
              record(level, args);
              return result;
            },
        ),
    ),
    report,
  );
};

export { RECORDER_LOG_PREFIX } from './console/console-payload.js';
