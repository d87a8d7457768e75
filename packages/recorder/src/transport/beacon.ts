import { BATCH_CONTENT_TYPE, type FetchFunction, KEEPALIVE_LIMIT_BYTES } from './send-batch.js';

/** Sends a body synchronously as the page goes away; true if the browser took it. */
export type ExitSender = (body: string) => boolean;

export interface ExitSenderOptions {
  url: string;
  fetch: FetchFunction | undefined;
  sendBeacon: ((url: string, data: BodyInit) => boolean) | undefined;
  /** Whether `fetch` honours `keepalive` (old Firefox ignores it, and the request dies with the page). */
  supportsKeepalive: boolean;
}

/**
 * The page-exit path. Browsers allow 64 KB of keepalive/beacon data in flight per page,
 * so this keeps its own budget (bodies it has handed over count until the page is gone).
 * A `fetch` with `keepalive` is preferred, since it can omit credentials; `sendBeacon`
 * always sends cookies, and is the fallback where keepalive is missing.
 */
export function createExitSender(options: ExitSenderOptions): ExitSender & { resetBudget(): void } {
  const { url, fetch, sendBeacon, supportsKeepalive } = options;
  let spent = 0;
  const send = (body: string): boolean => {
    const blob = new Blob([body], { type: BATCH_CONTENT_TYPE });
    if (spent + blob.size > KEEPALIVE_LIMIT_BYTES) return false;
    let accepted = false;
    if (fetch !== undefined && supportsKeepalive) {
      try {
        fetch(url, { method: 'POST', mode: 'cors', credentials: 'omit', keepalive: true, body: blob }).catch(() => {});
        accepted = true;
      } catch {
        accepted = false;
      }
    }
    if (!accepted && sendBeacon !== undefined) {
      try {
        accepted = sendBeacon(url, blob);
      } catch {
        accepted = false;
      }
    }
    if (accepted) spent += blob.size;
    return accepted;
  };
  // back from the bfcache: what was handed over has long been delivered
  return Object.assign(send, {
    resetBudget: () => {
      spent = 0;
    },
  });
}

/** Whether this browser's fetch supports `keepalive`. */
export function detectKeepaliveSupport(): boolean {
  try {
    return typeof Request === 'function' && 'keepalive' in Request.prototype;
  } catch {
    return false;
  }
}
