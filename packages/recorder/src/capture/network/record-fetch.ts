import { type FetchArgs, fetchTargetUrl, isRequest } from '../../propagation/fetch-arguments.js';
import { type PageLocation, parseUrl, readBaseUrl } from '../../propagation/url-pattern.js';
import type { StopCapture } from '../capture.js';
import { guard } from '../internal/guard.js';
import { patchMethod } from '../internal/patch-method.js';
import { describeBody } from './body-description.js';
import { describeFetchFailure } from './failure-reason.js';
import { readBodyText } from './read-body-text.js';
import { parseContentLength } from './redact-headers.js';
import type { PendingRequest, RequestLog } from './request-log.js';
import type { RequestResult } from './request-payload.js';

/** What is known about a fetch before it goes out. */
interface OutgoingFetch {
  result: Pick<RequestResult, 'method' | 'traceparent' | 'requestBytes' | 'requestHeaders' | 'requestBody'>;
  /** The text of a Request's own body, read from a clone (allow-listed URLs only). */
  requestText?: Promise<string | undefined>;
  signal?: AbortSignal | null;
}

/**
 * Patches `fetch` to record every call. It sits below the propagation patch, so it sees
 * the headers that really go out, our `traceparent` included. The promise the app gets
 * settles like the original; a rejection the app does not handle stays unhandled.
 */
export function recordFetch(
  log: RequestLog,
  maxBodyLength: number,
  report: (error: unknown) => void,
  global: Pick<typeof globalThis, 'fetch'> & PageLocation = globalThis,
): StopCapture {
  return patchMethod(
    global,
    'fetch',
    (previous) =>
      function (this: unknown, ...args: FetchArgs) {
        let request: PendingRequest | undefined;
        let outgoing: OutgoingFetch | undefined;
        try {
          const url = parseUrl(fetchTargetUrl(args[0]), readBaseUrl(global));
          request = url && log.begin('fetch', url);
          if (request) outgoing = describeOutgoingFetch(args, request.capturesDetails, maxBodyLength);
        } catch (error) {
          request?.abandon();
          request = undefined;
          report(error);
        }
        let response: Promise<Response>;
        try {
          response = previous.apply(this, args);
        } catch (error) {
          request?.abandon();
          throw error;
        }
        // a polyfill or mock may hand back something that is not a promise: leave it be
        if (!request || !outgoing || typeof response?.then !== 'function') {
          request?.abandon();
          return response;
        }
        const pending = request;
        const sent = outgoing;
        return response.then(
          (value) => {
            guard(report, () => recordResponse(pending, sent, value, maxBodyLength, report))();
            return value;
          },
          (error: unknown) => {
            guard(report, () =>
              pending.finish({ ...sent.result, status: 0, failureReason: describeFetchFailure(error, sent.signal) }),
            )();
            throw error;
          },
        );
      },
  );
}

function describeOutgoingFetch(
  [input, init]: FetchArgs,
  capturesDetails: boolean,
  maxBodyLength: number,
): OutgoingFetch {
  const request = isRequest(input) ? input : undefined;
  const headers = new Headers(init?.headers ?? request?.headers);
  const body = describeBody(init?.body);
  const result: OutgoingFetch['result'] = {
    method: init?.method ?? request?.method ?? 'GET',
    traceparent: headers.get('traceparent'),
    requestBytes: body.bytes ?? parseContentLength(headers.get('content-length')),
  };
  if (!capturesDetails) return { result, signal: init?.signal ?? request?.signal };
  result.requestHeaders = [...headers];
  result.requestBody = body.text;
  // cloned before the original fetch consumes the Request's body
  const requestText =
    init?.body === undefined && request?.body ? readBodyText(request.clone(), maxBodyLength) : undefined;
  return { result, requestText, signal: init?.signal ?? request?.signal };
}

function recordResponse(
  request: PendingRequest,
  sent: OutgoingFetch,
  response: Response,
  maxBodyLength: number,
  report: (error: unknown) => void,
): void {
  const result: RequestResult = {
    ...sent.result,
    status: response.status,
    serverTiming: response.headers.get('server-timing'),
    responseBytes: parseContentLength(response.headers.get('content-length')),
  };
  if (!request.capturesDetails) {
    request.finish(result);
    return;
  }
  result.responseHeaders = [...response.headers];
  // cloned now, in the first reaction to the promise, before the app can read the body
  const responseText = response.body && !response.bodyUsed ? readBodyText(response.clone(), maxBodyLength) : undefined;
  Promise.all([sent.requestText, responseText])
    .then(([requestBody, responseBody]) => {
      request.finish({ ...result, requestBody: requestBody ?? result.requestBody, responseBody });
    })
    .catch((error: unknown) => {
      report(error);
      request.finish(result);
    });
}
