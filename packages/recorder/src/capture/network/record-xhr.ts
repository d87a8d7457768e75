import { type PageLocation, parseUrl, readBaseUrl } from '../../propagation/url-pattern.js';
import type { StopCapture } from '../capture.js';
import { patchMethod } from '../internal/patch-method.js';
import { stopAll } from '../internal/stop-all.js';
import type { RequestLog } from './request-log.js';
import { type OpenedXhr, watchXhr, type XhrWatch } from './watch-xhr.js';

/**
 * Patches `XMLHttpRequest` to record every request from `send` to `loadend`. It sits
 * below the propagation patch, so the headers it sees include ours.
 */
export function recordXhr(
  log: RequestLog,
  report: (error: unknown) => void,
  global: Pick<typeof globalThis, 'XMLHttpRequest'> & PageLocation = globalThis,
): StopCapture {
  const prototype = global.XMLHttpRequest?.prototype;
  if (!prototype) return () => {};
  // per recorder, not per module: two recorders on a page keep separate books
  const opened = new WeakMap<XMLHttpRequest, OpenedXhr>();

  const unpatchOpen = patchMethod(
    prototype,
    'open',
    (previous) =>
      function (this: XMLHttpRequest, ...args: unknown[]) {
        const result = previous.apply(this, args);
        // after the original: an `open` the browser rejects opens nothing
        try {
          const url = parseUrl(String(args[1]), readBaseUrl(global));
          if (url) opened.set(this, { method: String(args[0]), url, headers: [] });
        } catch (error) {
          report(error);
        }
        return result;
      },
  );

  const unpatchSetRequestHeader = patchMethod(
    prototype,
    'setRequestHeader',
    (previous) =>
      function (this: XMLHttpRequest, name: string, value: string) {
        const result = previous.call(this, name, value);
        opened.get(this)?.headers.push([String(name), String(value)]);
        return result;
      },
  );

  const unpatchSend = patchMethod(
    prototype,
    'send',
    (previous) =>
      function (this: XMLHttpRequest, ...args: unknown[]) {
        let watch: XhrWatch | undefined;
        try {
          const state = opened.get(this);
          opened.delete(this);
          const request = state && this.readyState === 1 ? log.begin('xhr', state.url) : undefined;
          if (state && request) watch = watchXhr(this, state, args[0], request, report);
        } catch (error) {
          report(error);
        }
        try {
          const result = previous.apply(this, args);
          watch?.afterSend();
          return result;
        } catch (error) {
          watch?.sendThrew(error);
          throw error;
        }
      },
  );

  return stopAll([unpatchOpen, unpatchSetRequestHeader, unpatchSend], report);
}
