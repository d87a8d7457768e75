import { guard } from '../internal/guard.js';
import { describeBody } from './body-description.js';
import { parseContentLength, parseRawHeaders } from './redact-headers.js';
import type { PendingRequest } from './request-log.js';
import type { RequestResult } from './request-payload.js';

/** What `open` and `setRequestHeader` told us about an XHR before `send`. */
export interface OpenedXhr {
  method: string;
  url: URL;
  /** Every header set since `open`, ours (from the propagation patch above) included. */
  headers: [string, string][];
}

/** Hooks for the `send` patch around the original call. */
export interface XhrWatch {
  /** After `send` returned: a synchronous request is complete by then. */
  afterSend(): void;
  /** `send` threw: a synchronous request's network failure, or a call the browser refused. */
  sendThrew(error: unknown): void;
}

const FAILURES: Record<string, string> = { error: 'network error', abort: 'aborted', timeout: 'timeout' };

/** Listens to one XHR until `loadend` and finishes its pending record. */
export function watchXhr(
  xhr: XMLHttpRequest,
  opened: OpenedXhr,
  body: unknown,
  request: PendingRequest,
  report: (error: unknown) => void,
): XhrWatch {
  const sent = describeOutgoingXhr(opened, body, request.capturesDetails);
  let failureReason: string | undefined;
  const onFailure = guard(report, (event: Event) => {
    failureReason = FAILURES[event.type];
  });
  const stopListening = () => {
    for (const type of Object.keys(FAILURES)) xhr.removeEventListener(type, onFailure);
    xhr.removeEventListener('loadend', finish);
  };
  const finish = guard(report, () => {
    stopListening();
    request.finish(readXhrResult(xhr, sent, failureReason, request.capturesDetails));
  });
  for (const type of Object.keys(FAILURES)) xhr.addEventListener(type, onFailure);
  xhr.addEventListener('loadend', finish);
  return {
    afterSend() {
      if (xhr.readyState === 4) finish();
    },
    sendThrew(error) {
      // a synchronous request that failed on the network throws instead of firing `error`
      if (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'NetworkError') {
        failureReason = 'network error';
        finish();
        return;
      }
      stopListening();
      request.abandon();
    },
  };
}

function describeOutgoingXhr(
  opened: OpenedXhr,
  body: unknown,
  capturesDetails: boolean,
): Pick<RequestResult, 'method' | 'traceparent' | 'requestBytes' | 'requestHeaders' | 'requestBody'> {
  const described = describeBody(body);
  const header = (name: string) => lastHeaderValue(opened.headers, name);
  return {
    method: opened.method,
    traceparent: header('traceparent'),
    requestBytes: described.bytes ?? parseContentLength(header('content-length')),
    requestHeaders: capturesDetails ? opened.headers : undefined,
    requestBody: capturesDetails ? described.text : undefined,
  };
}

function readXhrResult(
  xhr: XMLHttpRequest,
  sent: ReturnType<typeof describeOutgoingXhr>,
  failureReason: string | undefined,
  capturesDetails: boolean,
): RequestResult {
  // from the full list, not getResponseHeader: asking for a header CORS does not expose logs an error in the page's console
  const responseHeaders = parseRawHeaders(xhr.getAllResponseHeaders());
  const result: RequestResult = {
    ...sent,
    status: failureReason ? 0 : xhr.status,
    failureReason,
    serverTiming: lastHeaderValue(responseHeaders, 'server-timing'),
    responseBytes: parseContentLength(lastHeaderValue(responseHeaders, 'content-length')),
  };
  if (capturesDetails && !failureReason) {
    result.responseHeaders = responseHeaders;
    result.responseBody = readXhrText(xhr);
  }
  return result;
}

function readXhrText(xhr: XMLHttpRequest): string | undefined {
  switch (xhr.responseType) {
    case '':
    case 'text':
      return xhr.responseText;
    case 'json':
      return xhr.response === null ? undefined : JSON.stringify(xhr.response);
    case 'document':
      return '[document]';
    default:
      return describeBody(xhr.response).text;
  }
}

function lastHeaderValue(headers: readonly [string, string][], name: string): string | null {
  for (let index = headers.length - 1; index >= 0; index--) {
    const header = headers[index];
    if (header && header[0].toLowerCase() === name) return header[1];
  }
  return null;
}
