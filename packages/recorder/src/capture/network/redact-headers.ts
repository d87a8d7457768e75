import { REDACTED } from './scrub-url.js';

/** Headers whose values are never recorded, even for allow-listed URLs. */
export const ALWAYS_REDACTED_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-sightline-key',
]);

/** Headers as a plain object with lowercase names; repeated names joined with `, `; secrets `[redacted]`. */
export function redactHeaders(entries: Iterable<readonly [string, string]>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [rawName, value] of entries) {
    const name = rawName.toLowerCase();
    const earlier = headers[name];
    if (ALWAYS_REDACTED_HEADERS.has(name)) headers[name] = REDACTED;
    else headers[name] = earlier === undefined ? value : `${earlier}, ${value}`;
  }
  return headers;
}

/** Parses `XMLHttpRequest.getAllResponseHeaders()` (`name: value` lines). */
export function parseRawHeaders(raw: string): [string, string][] {
  const entries: [string, string][] = [];
  for (const line of raw.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    entries.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return entries;
}

/** A `Content-Length` header as a byte count, when present and valid. */
export function parseContentLength(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}
