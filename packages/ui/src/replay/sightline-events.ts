import { EventType, type RecordedEvent, readData } from './recorded-event';

/** Payloads of Sightline's custom events (docs/replay-format.md), as far as the UI reads them. */
export interface NetworkPayload {
  method: string;
  url: string;
  status: number;
  startMs: number;
  endMs: number;
  durationMs: number;
  requestBytes?: number;
  responseBytes?: number;
  traceId?: string;
  spanId?: string;
  initiator: string;
  failed?: boolean;
  failureReason?: string;
  /** Only for URLs the page allow-listed (`network.captureBodiesFor`, docs/recorder.md). */
  requestHeaders?: Record<string, string>;
  responseHeaders?: Record<string, string>;
  requestBody?: string;
  responseBody?: string;
}

export interface ConsolePayload {
  level: string;
  args: string[];
  truncated?: boolean;
}

export interface ErrorPayload {
  kind: string;
  message: string;
  name?: string;
  stack?: string;
  source?: string;
  line?: number;
  column?: number;
}

export interface NavigationPayload {
  kind: string;
  from?: string;
  to: string;
}

export interface PerformancePayload {
  kind: string;
  value: number;
  durationMs?: number;
  rating?: string;
  startMs?: number;
}

export type SightlineEvent =
  | { tag: 'network'; timestamp: number; payload: NetworkPayload }
  | { tag: 'console'; timestamp: number; payload: ConsolePayload }
  | { tag: 'error'; timestamp: number; payload: ErrorPayload }
  | { tag: 'navigation'; timestamp: number; payload: NavigationPayload }
  | { tag: 'performance'; timestamp: number; payload: PerformancePayload }
  | { tag: 'identify'; timestamp: number; payload: { userId: string; traits: Record<string, unknown> } }
  | { tag: 'track'; timestamp: number; payload: { name: string; properties: Record<string, unknown> } }
  | { tag: 'capture'; timestamp: number; payload: { reason: string } }
  | { tag: 'dropped'; timestamp: number; payload: { reason: string; count: number } }
  | { tag: 'session'; timestamp: number; payload: { sampled?: string; trigger?: string; previousSessionId?: string } };

const TAG_PREFIX = 'sightline.';

/**
 * A Sightline custom event (`type: 5`, `data.tag: "sightline.<kind>"`) with its payload
 * checked, or undefined for any other event and for a payload missing what the UI needs.
 */
export function readSightlineEvent(event: RecordedEvent): SightlineEvent | undefined {
  if (event.type !== EventType.Custom) return undefined;
  const data = readData(event);
  if (typeof data.tag !== 'string' || !data.tag.startsWith(TAG_PREFIX)) return undefined;
  const payload = isObject(data.payload) ? data.payload : {};
  const timestamp = event.timestamp;
  switch (data.tag.slice(TAG_PREFIX.length)) {
    case 'network':
      return readNetwork(payload, timestamp);
    case 'console':
      return {
        tag: 'console',
        timestamp,
        payload: {
          level: readString(payload.level) ?? 'log',
          args: Array.isArray(payload.args)
            ? payload.args.map((arg) => (typeof arg === 'string' ? arg : String(arg)))
            : [],
          truncated: payload.truncated === true,
        },
      };
    case 'error':
      return {
        tag: 'error',
        timestamp,
        payload: omitUndefined({
          kind: readString(payload.kind) ?? 'error',
          message: readString(payload.message) ?? '(no message)',
          name: readString(payload.name),
          stack: readString(payload.stack),
          source: readString(payload.source),
          line: readNumber(payload.line),
          column: readNumber(payload.column),
        }),
      };
    case 'navigation': {
      const to = readString(payload.to);
      if (to === undefined) return undefined;
      return {
        tag: 'navigation',
        timestamp,
        payload: omitUndefined({ kind: readString(payload.kind) ?? 'load', from: readString(payload.from), to }),
      };
    }
    case 'performance': {
      const value = readNumber(payload.value);
      const kind = readString(payload.kind);
      if (value === undefined || kind === undefined) return undefined;
      return {
        tag: 'performance',
        timestamp,
        payload: omitUndefined({
          kind,
          value,
          durationMs: readNumber(payload.durationMs),
          rating: readString(payload.rating),
          startMs: readNumber(payload.startMs),
        }),
      };
    }
    case 'identify':
      return {
        tag: 'identify',
        timestamp,
        payload: { userId: readString(payload.userId) ?? '', traits: isObject(payload.traits) ? payload.traits : {} },
      };
    case 'track':
      return {
        tag: 'track',
        timestamp,
        payload: {
          name: readString(payload.name) ?? '(unnamed)',
          properties: isObject(payload.properties) ? payload.properties : {},
        },
      };
    case 'capture':
      return { tag: 'capture', timestamp, payload: { reason: readString(payload.reason) ?? '' } };
    case 'dropped':
      return {
        tag: 'dropped',
        timestamp,
        payload: { reason: readString(payload.reason) ?? 'unknown', count: readNumber(payload.count) ?? 0 },
      };
    case 'session':
      return {
        tag: 'session',
        timestamp,
        payload: omitUndefined({
          sampled: readString(payload.sampled),
          trigger: readString(payload.trigger),
          previousSessionId: readString(payload.previousSessionId),
        }),
      };
    default:
      return undefined;
  }
}

function readNetwork(payload: Record<string, unknown>, timestamp: number): SightlineEvent | undefined {
  const url = readString(payload.url);
  if (url === undefined) return undefined;
  const durationMs = readNumber(payload.durationMs) ?? 0;
  const endMs = readNumber(payload.endMs) ?? timestamp;
  const startMs = readNumber(payload.startMs) ?? endMs - durationMs;
  return {
    tag: 'network',
    timestamp,
    payload: omitUndefined({
      method: (readString(payload.method) ?? 'GET').toUpperCase(),
      url,
      status: readNumber(payload.status) ?? 0,
      startMs,
      endMs,
      durationMs,
      requestBytes: readNumber(payload.requestBytes),
      responseBytes: readNumber(payload.responseBytes),
      traceId: readTraceId(payload.traceId),
      spanId: readString(payload.spanId),
      initiator: readString(payload.initiator) ?? 'fetch',
      failed: payload.failed === true ? true : undefined,
      failureReason: readString(payload.failureReason),
      requestHeaders: readHeaders(payload.requestHeaders),
      responseHeaders: readHeaders(payload.responseHeaders),
      requestBody: readString(payload.requestBody),
      responseBody: readString(payload.responseBody),
    }),
  };
}

/** A header map with string values only (anything else in a recorded event is dropped); undefined when empty. */
function readHeaders(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const headers: Record<string, string> = {};
  for (const [name, text] of Object.entries(value)) if (typeof text === 'string') headers[name] = text;
  return Object.keys(headers).length > 0 ? headers : undefined;
}

/** A request that went wrong for the user: failed (not an abort by the app) or a 5xx (docs/api.md). */
export function isFailedRequest(payload: NetworkPayload): boolean {
  if (payload.failed) return payload.failureReason !== 'aborted';
  return payload.status >= 500;
}

/**
 * An error as one line, `Name: message`. An uncaught error's message comes from the
 * browser as `Uncaught TypeError: x is undefined` (as the console prints it): the
 * `Uncaught ` is dropped (the row says so already) and the name is not repeated.
 */
export function describeErrorPayload(payload: Pick<ErrorPayload, 'name' | 'message'>): string {
  const message = payload.message.replace(/^Uncaught /, '');
  const name = payload.name ?? 'Error';
  return message.startsWith(`${name}:`) || message === name ? message : `${name}: ${message}`;
}

/** The long main-thread stalls users feel as jank. */
export function isSlowFrame(payload: PerformancePayload): boolean {
  return payload.kind === 'longtask' || payload.kind === 'long-animation-frame';
}

function readTraceId(value: unknown): string | undefined {
  return typeof value === 'string' && /^[0-9a-f]{32}$/i.test(value) && !/^0+$/.test(value)
    ? value.toLowerCase()
    : undefined;
}

function readString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function readNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Drops undefined keys so optional fields are absent, not present-and-undefined (exactOptionalPropertyTypes-safe). */
function omitUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}
