/**
 * W3C Trace Context `traceparent` (https://www.w3.org/TR/trace-context/#traceparent-header):
 * `00-<32 hex trace id>-<16 hex span id>-<2 hex flags>`. The recorder starts a new trace
 * per request, sampled (`01`), so the backend records it and the replay's network row
 * can link to it.
 */

export interface TraceContext {
  traceId: string;
  spanId: string;
  /** The header value. */
  traceparent: string;
}

export interface ParsedTraceparent {
  traceId: string;
  spanId: string;
  flags: string;
}

/** Fills a byte array with random values; `crypto.getRandomValues` by default. */
export type RandomFill = (bytes: Uint8Array) => Uint8Array;

const fillFromCrypto: RandomFill = (bytes) => crypto.getRandomValues(bytes);

/** A fresh sampled trace context for one request. */
export function createTraceContext(fill: RandomFill = fillFromCrypto): TraceContext {
  const traceId = createRandomId(16, fill);
  const spanId = createRandomId(8, fill);
  return { traceId, spanId, traceparent: `00-${traceId}-${spanId}-01` };
}

/** Random lowercase hex of `byteLength` bytes, never all zeros (the spec makes an all-zero id invalid). */
export function createRandomId(byteLength: number, fill: RandomFill = fillFromCrypto): string {
  const bytes = new Uint8Array(byteLength);
  // all-zero is 1 in 2^64 at worst: a second draw is enough in practice, the cap keeps a broken source from looping
  for (let attempt = 0; attempt < 4; attempt++) {
    fill(bytes);
    if (bytes.some((byte) => byte !== 0)) return toHex(bytes);
  }
  bytes[byteLength - 1] = 1;
  return toHex(bytes);
}

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ALL_ZEROS = /^0+$/;

/** Parses a `traceparent` value; `undefined` when it is not valid per the spec. */
export function parseTraceparent(value: string | null | undefined): ParsedTraceparent | undefined {
  if (typeof value !== 'string') return undefined;
  const match = TRACEPARENT.exec(value.trim());
  if (!match) return undefined;
  const [, version, traceId, spanId, flags, rest] = match;
  if (version === undefined || traceId === undefined || spanId === undefined || flags === undefined) return undefined;
  if (version === 'ff') return undefined;
  // version 00 has exactly four fields; later versions may append more after a dash
  if (version === '00' && rest !== undefined) return undefined;
  if (ALL_ZEROS.test(traceId) || ALL_ZEROS.test(spanId)) return undefined;
  return { traceId, spanId, flags };
}
