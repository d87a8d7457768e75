import { SightlineError } from '../errors.js';
import type { Clock } from '../internal/clock.js';
import { serializeBatch } from './batch.js';
import type { Compress, RequestBody } from './compress.js';
import type { SendBatch, SendResult } from './send-result.js';

/** Browsers refuse a `keepalive` request (and a beacon) above 64 KB in flight. */
export const KEEPALIVE_LIMIT_BYTES = 64 * 1024;

/** CORS-safelisted, so neither fetch nor sendBeacon needs a preflight. */
export const BATCH_CONTENT_TYPE = 'text/plain;charset=UTF-8';

export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

export interface FetchSenderOptions {
  /** `{endpoint}/v1/replay?key=…` */
  url: string;
  fetch: FetchFunction;
  clock: Clock;
  compress: Compress;
  /** While hidden the page may be discarded: small bodies go with `keepalive` so they outlive it. */
  isPageHidden: () => boolean;
}

/** The plain transport: one attempt, the outcome as a value. Wrap it in `withRetry`. */
export function createFetchSender(options: FetchSenderOptions): SendBatch {
  const { url, fetch, clock, compress, isPageHidden } = options;
  return async (batch) => {
    let body: RequestBody;
    try {
      body = await compress(serializeBatch(batch, clock.now()));
    } catch (error) {
      return {
        status: 'failure',
        error: new SightlineError('upload_failed', 'could not encode a batch', { cause: error }),
      };
    }
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        mode: 'cors',
        credentials: 'omit',
        headers: { 'Content-Type': BATCH_CONTENT_TYPE },
        body: body as BodyInit,
        keepalive: isPageHidden() && byteLength(body) <= KEEPALIVE_LIMIT_BYTES,
      });
    } catch (error) {
      // offline, DNS, CORS, or the server is down: all look alike from here
      return { status: 'retryable', error: new SightlineError('upload_failed', 'network error', { cause: error }) };
    }
    return toSendResult(response, clock.now());
  };
}

export function toSendResult(response: Pick<Response, 'status' | 'headers'>, now: number): SendResult {
  const { status } = response;
  if (status >= 200 && status < 300) return { status: 'success' };
  if (status === 408 || status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), now);
    const error = new SightlineError('upload_failed', `replay upload answered ${status}`);
    return retryAfterMs === undefined ? { status: 'retryable', error } : { status: 'retryable', error, retryAfterMs };
  }
  return { status: 'failure', error: new SightlineError('upload_rejected', `replay upload answered ${status}`) };
}

/** `Retry-After` is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function byteLength(body: RequestBody): number {
  return typeof body === 'string' ? new TextEncoder().encode(body).byteLength : body.byteLength;
}
