import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { reportInternalError } from '../../internal/report-internal-error.js';
import { appendServerTimingEntry } from '../server-timing.js';

// marks a response already hooked, so the middleware and registerSightline's http hook
// (or two middlewares) add one entry, not two; Symbol.for: shared by CJS and ESM copies
const kServerTimingEntry = Symbol.for('@sightline/node.server-timing');

type HookedResponse = ServerResponse & { [kServerTimingEntry]?: string };
type WriteHeadArguments = [statusCode: number, reasonOrHeaders?: unknown, headers?: unknown];

/**
 * Appends `entry` to the response's `Server-Timing` at the moment its headers are
 * written, so it survives whatever the app sets in between (`res.setHeader`, Express's
 * `res.set`, Fastify's reply headers passed to `writeHead`) and never replaces the app's
 * own timings. Every path to the wire goes through `writeHead`: `end()`, `write()` and
 * `flushHeaders()` call it implicitly.
 */
export function addServerTimingOnHeaders(response: ServerResponse, entry: string): void {
  const res = response as HookedResponse;
  if (res[kServerTimingEntry] !== undefined) {
    res[kServerTimingEntry] = entry;
    return;
  }
  if (res.headersSent) return;
  res[kServerTimingEntry] = entry;

  const writeHead = res.writeHead as (this: ServerResponse, ...args: unknown[]) => ServerResponse;
  res.writeHead = function writeHeadWithServerTiming(this: HookedResponse, ...args: WriteHeadArguments) {
    return writeHead.apply(this, withServerTiming(this, args));
  } as ServerResponse['writeHead'];
}

function withServerTiming(res: HookedResponse, args: WriteHeadArguments): unknown[] {
  const entry = res[kServerTimingEntry];
  if (entry === undefined) return args;
  try {
    const headersIndex = typeof args[1] === 'string' ? 2 : 1;
    const headers = args[headersIndex];
    // headers given to writeHead replace those set before: merge into them instead
    if (isHeaderObject(headers)) {
      const key = Object.keys(headers).find((name) => name.toLowerCase() === 'server-timing');
      if (key !== undefined) {
        const merged = { ...headers, [key]: appendServerTimingEntry(headerValue(headers[key]), entry) };
        const copy = [...args];
        copy[headersIndex] = merged;
        return copy;
      }
    }
    res.setHeader('Server-Timing', appendServerTimingEntry(headerValue(res.getHeader('server-timing')), entry));
  } catch (error) {
    reportInternalError(error, 'adding Server-Timing');
  }
  return args;
}

function isHeaderObject(value: unknown): value is OutgoingHttpHeaders {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function headerValue(value: unknown): string | number | readonly string[] | undefined {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map(String);
  return undefined;
}
