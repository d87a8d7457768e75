import type { CaptureContext, StopCapture } from '../capture/capture.js';
import { patchMethod } from '../capture/internal/patch-method.js';
import { withSafeReporting } from '../capture/internal/safe-context.js';
import { BAGGAGE_HEADER, planPropagationHeaders } from './propagation-headers.js';
import { type PropagationTargets, shouldPropagate } from './propagation-target.js';
import { type PageLocation, parseUrl, readBaseUrl } from './url-pattern.js';

interface XhrPropagationState {
  /** Lowercase names the app set, and their (combined) values. */
  appHeaders: Map<string, string>;
  /** `baggage` values the app set, held back until `send` to merge ours in once. */
  withheldBaggage: string[];
}

/**
 * Patches `XMLHttpRequest` so requests to propagation targets carry the session and trace
 * headers. The URL is known at `open`; headers are added at `send`, when the app has set
 * its own, and only where it did not. XHR joins repeated headers with `, `, so the app's
 * `baggage` is held back and sent merged with ours instead of next to it.
 */
export function propagateThroughXhr(
  context: CaptureContext,
  targets: PropagationTargets,
  global: Pick<typeof globalThis, 'XMLHttpRequest'> & PageLocation = globalThis,
): StopCapture {
  const prototype = global.XMLHttpRequest?.prototype;
  if (!prototype) return () => {};
  const report = withSafeReporting(context).reportInternalError;
  // per recorder, not per module: two recorders on a page keep separate books
  const states = new WeakMap<XMLHttpRequest, XhrPropagationState>();

  const unpatchOpen = patchMethod(
    prototype,
    'open',
    (previous) =>
      function (this: XMLHttpRequest, ...args: unknown[]) {
        try {
          states.delete(this);
          const url = parseUrl(String(args[1]), readBaseUrl(global));
          if (url && shouldPropagate(url, targets)) {
            states.set(this, { appHeaders: new Map(), withheldBaggage: [] });
          }
        } catch (error) {
          report(error);
        }
        return previous.apply(this, args);
      },
  );

  const unpatchSetRequestHeader = patchMethod(
    prototype,
    'setRequestHeader',
    (previous) =>
      function (this: XMLHttpRequest, name: string, value: string) {
        const state = states.get(this);
        if (state) {
          try {
            const key = String(name).toLowerCase();
            const earlier = state.appHeaders.get(key);
            state.appHeaders.set(key, earlier === undefined ? String(value) : `${earlier}, ${value}`);
            if (key === BAGGAGE_HEADER && this.readyState === 1) {
              state.withheldBaggage.push(String(value));
              return;
            }
          } catch (error) {
            report(error);
          }
        }
        return previous.call(this, name, value);
      },
  );

  const unpatchSend = patchMethod(
    prototype,
    'send',
    (previous) =>
      function (this: XMLHttpRequest, ...args: unknown[]) {
        const state = states.get(this);
        if (state && this.readyState === 1) {
          // forgotten first: our own setRequestHeader calls below then pass straight through
          states.delete(this);
          injectHeaders(this, state, context.getSessionId(), report);
        }
        return previous.apply(this, args);
      },
  );

  return () => {
    unpatchSend();
    unpatchSetRequestHeader();
    unpatchOpen();
  };
}

function injectHeaders(
  xhr: XMLHttpRequest,
  state: XhrPropagationState,
  sessionId: string,
  report: (error: unknown) => void,
): void {
  const withheld = state.withheldBaggage.length > 0 ? state.withheldBaggage.join(', ') : null;
  try {
    const headers = planPropagationHeaders(
      (name) => (name.toLowerCase() === BAGGAGE_HEADER ? withheld : (state.appHeaders.get(name.toLowerCase()) ?? null)),
      sessionId,
    );
    // through the public method, so a library that patched it after us sees our headers too
    for (const [name, value] of headers) xhr.setRequestHeader(name, value);
  } catch (error) {
    report(error);
    restoreWithheldBaggage(xhr, withheld, report);
  }
}

function restoreWithheldBaggage(xhr: XMLHttpRequest, withheld: string | null, report: (error: unknown) => void): void {
  if (withheld === null) return;
  try {
    xhr.setRequestHeader(BAGGAGE_HEADER, withheld);
  } catch (error) {
    report(error);
  }
}
