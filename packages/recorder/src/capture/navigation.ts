import type { Capture } from './capture.js';
import { listen } from './internal/listen.js';
import { patchMethod } from './internal/patch-method.js';
import { withSafeReporting } from './internal/safe-context.js';
import { installAll } from './internal/stop-all.js';
import { differsOnlyInFragment } from './navigation/differs-only-in-fragment.js';

type NavigationKind = 'pushState' | 'replaceState' | 'popstate' | 'hashchange' | 'load' | 'pagehide';

/**
 * Records URL changes as `sightline.navigation` events with full `from` and `to` URLs:
 * the page load, `history.pushState`/`replaceState` (single-page routing), back/forward
 * (`popstate`) and fragment changes (`hashchange`), and the page being left (`pagehide`,
 * `to: ""`): the server then knows the recording of this page is over, so a click just
 * before it was answered by leaving, not dead, and its insights need not wait.
 */
export const captureNavigation: Capture<Record<string, never>> = (context) => {
  const report = withSafeReporting(context).reportInternalError;
  let current = globalThis.location.href;
  const record = (kind: NavigationKind, from: string, to: string) => {
    current = to;
    // replaceState with the same URL is routers saving scroll or state: no navigation
    if (from !== to) context.emit('navigation', { kind, from, to });
  };
  try {
    context.emit('navigation', { kind: 'load', from: document.referrer, to: current });
  } catch (error) {
    report(error);
  }
  return installAll(
    [
      () => patchHistoryMethod('pushState', () => current, record, report),
      () => patchHistoryMethod('replaceState', () => current, record, report),
      () =>
        listen(window, 'popstate', report, () => {
          const to = globalThis.location.href;
          // a fragment change fires popstate and then hashchange: let hashchange tell it
          if (!differsOnlyInFragment(current, to)) record('popstate', current, to);
        }),
      () =>
        listen<HashChangeEvent>(window, 'hashchange', report, (event) => {
          record('hashchange', current, event.newURL || globalThis.location.href);
        }),
      // capture phase: before the uploader's own `pagehide` listener sends the last batch
      () =>
        listen(
          window,
          'pagehide',
          report,
          () => context.emit('navigation', { kind: 'pagehide', from: current, to: '' }),
          {
            capture: true,
          },
        ),
    ],
    report,
  );
};

function patchHistoryMethod(
  method: 'pushState' | 'replaceState',
  readCurrent: () => string,
  record: (kind: NavigationKind, from: string, to: string) => void,
  report: (error: unknown) => void,
) {
  return patchMethod(
    globalThis.history,
    method,
    (previous) =>
      function (this: History, ...args: Parameters<History['pushState']>) {
        const from = readCurrent();
        // the original first: if it throws (a cross-origin URL), nothing navigated and the app sees its error
        const result = previous.apply(this, args);
        try {
          record(method, from, globalThis.location.href);
        } catch (error) {
          report(error);
        }
        return result;
      },
  );
}
