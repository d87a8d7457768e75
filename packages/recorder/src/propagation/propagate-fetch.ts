import type { CaptureContext, StopCapture } from '../capture/capture.js';
import { patchMethod } from '../capture/internal/patch-method.js';
import { withSafeReporting } from '../capture/internal/safe-context.js';
import { type FetchArgs, fetchTargetUrl, isRequest } from './fetch-arguments.js';
import { planPropagationHeaders } from './propagation-headers.js';
import { type PropagationTargets, shouldPropagate } from './propagation-target.js';
import { type PageLocation, parseUrl, readBaseUrl } from './url-pattern.js';

/** Patches `fetch` so requests to propagation targets carry the session and trace headers. */
export function propagateThroughFetch(
  context: CaptureContext,
  targets: PropagationTargets,
  global: Pick<typeof globalThis, 'fetch'> & PageLocation = globalThis,
): StopCapture {
  const report = withSafeReporting(context).reportInternalError;
  return patchMethod(
    global,
    'fetch',
    (previous) =>
      function (this: unknown, ...args: FetchArgs) {
        let sent = args;
        try {
          const url = parseUrl(fetchTargetUrl(args[0]), readBaseUrl(global));
          if (url && shouldPropagate(url, targets)) sent = addPropagationHeaders(args, context.getSessionId());
        } catch (error) {
          // fall back to the app's own arguments: a request must never fail because of us
          report(error);
          sent = args;
        }
        return previous.apply(this, sent);
      },
  );
}

/**
 * The same fetch call with the propagation headers added. Only the headers change: a
 * Request keeps its method, body, signal and credentials because `init.headers` replaces
 * its header list and nothing else, and the app's own `init` and Headers are not mutated.
 */
export function addPropagationHeaders(args: FetchArgs, sessionId: string): FetchArgs {
  const [input, init] = args;
  const existing = init?.headers ?? (isRequest(input) ? input.headers : undefined);
  const headers = new Headers(existing);
  for (const [name, value] of planPropagationHeaders((name) => headers.get(name), sessionId)) headers.set(name, value);
  return [input, { ...init, headers }];
}
