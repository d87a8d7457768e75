import type { Capture } from './capture.js';
import { buildErrorPayload, buildRejectionPayload } from './errors/error-payload.js';
import { listen } from './internal/listen.js';
import { withSafeReporting } from './internal/safe-context.js';
import { installAll } from './internal/stop-all.js';

/**
 * Records uncaught errors and unhandled promise rejections as `sightline.error` events,
 * and tells the sampler to keep the session. Resource load failures (a broken `<img>`)
 * are not errors here: they do not reach `window` and are no script failure.
 */
export const captureErrors: Capture<Record<string, never>> = (context) => {
  const report = withSafeReporting(context).reportInternalError;
  return installAll(
    [
      () =>
        listen<ErrorEvent>(window, 'error', report, (event) => {
          // only script errors are ErrorEvents targeted at window; a resource error captured here would be a plain Event
          if (event.target !== window || typeof event.message !== 'string') return;
          context.emit('error', buildErrorPayload(event));
          context.trigger('error');
        }),
      () =>
        listen<PromiseRejectionEvent>(window, 'unhandledrejection', report, (event) => {
          context.emit('error', buildRejectionPayload(event.reason));
          context.trigger('error');
        }),
    ],
    report,
  );
};
