/**
 * Readers for OTLP's scalar encodings, shared by the JSON and protobuf paths.
 * OTLP/JSON writes ids as hex and 64-bit times as decimal strings; protobufjs hands back
 * bytes as Uint8Array and fixed64 as Long-like `{ low, high }` objects.
 */

/** What protobufjs decodes a fixed64/int64 into (a `Long`), without depending on its class. */
interface LongBits {
  low: number;
  high: number;
}

const HEX_ID = /^[0-9a-fA-F]+$/;
const MAX_ANY_VALUE_DEPTH = 16;

function isLongBits(value: unknown): value is LongBits {
  return typeof value === 'object' && value !== null && 'low' in value && 'high' in value;
}

/**
 * A trace (16 bytes) or span (8 bytes) id as lowercase hex, or null when absent,
 * of the wrong length, or all zeroes — all of which OTLP defines as invalid.
 */
export function readId(value: unknown, byteLength: 8 | 16): string | null {
  if (value instanceof Uint8Array) {
    if (value.length !== byteLength || isAllZero(value)) return null;
    // protobufjs hands out Buffer slices on Node; a plain Uint8Array gets a view, not a copy
    const bytes = Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    return bytes.toString('hex');
  }
  if (typeof value !== 'string' || value.length !== byteLength * 2 || !HEX_ID.test(value)) return null;
  const hex = value.toLowerCase();
  return hex === ZERO_IDS[byteLength] ? null : hex;
}

const ZERO_IDS = { 8: '0'.repeat(16), 16: '0'.repeat(32) } as const;

function isAllZero(bytes: Uint8Array): boolean {
  for (let index = 0; index < bytes.length; index += 1) if (bytes[index] !== 0) return false;
  return true;
}

/**
 * Unix nanoseconds to whole microseconds, exactly. 2^32 ns = 4294967 µs + 296 ns, which
 * keeps every intermediate below 2^53 for any date before the year 2255.
 */
export function readTimeUs(value: unknown): number {
  if (typeof value === 'string') {
    if (!/^\d+$/.test(value)) return Number.NaN;
    return value.length <= 3 ? 0 : Number(value.slice(0, -3));
  }
  if (typeof value === 'number') return Math.floor(value / 1000);
  if (isLongBits(value)) {
    const high = value.high >>> 0;
    const low = value.low >>> 0;
    return high * 4294967 + Math.floor((high * 296 + low) / 1000);
  }
  return 0;
}

/** A 64-bit integer attribute: a JS number when exact, its decimal string beyond 2^53. */
function readInt64(value: unknown): number | string {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const parsed = Number(value);
    return Number.isSafeInteger(parsed) ? parsed : value;
  }
  if (isLongBits(value)) {
    const high = value.high | 0;
    // below 2^53 in magnitude the arithmetic is exact; BigInt only for the rare rest
    if (high > -0x200000 && high < 0x200000) return high * 4294967296 + (value.low >>> 0);
    const asBigInt = (BigInt(value.high) << 32n) | BigInt(value.low >>> 0);
    const parsed = Number(asBigInt);
    return Number.isSafeInteger(parsed) ? parsed : asBigInt.toString();
  }
  return 0;
}

function readDouble(value: unknown): number | string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  // OTLP/JSON spells the non-finite doubles as strings
  if (value === 'NaN' || value === 'Infinity' || value === '-Infinity') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

function readBytes(value: unknown): string {
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  return typeof value === 'string' ? value : '';
}

/**
 * An OTLP AnyValue as plain JSON. protobufjs names the set member of the `value` oneof
 * in `value`; OTLP/JSON simply has the one key. Nesting deeper than 16 levels is cut
 * (a hostile payload must not overflow the stack).
 */
export function readAnyValue(anyValue: unknown, depth = 0): unknown {
  if (typeof anyValue !== 'object' || anyValue === null) return null;
  const record = anyValue as Record<string, unknown>;
  switch (memberOf(record)) {
    case 'stringValue':
      return typeof record.stringValue === 'string' ? record.stringValue : String(record.stringValue ?? '');
    case 'boolValue':
      return record.boolValue === true;
    case 'intValue':
      return readInt64(record.intValue);
    case 'doubleValue':
      return readDouble(record.doubleValue);
    case 'bytesValue':
      return readBytes(record.bytesValue);
    case 'arrayValue': {
      if (depth >= MAX_ANY_VALUE_DEPTH) return '[nested too deep]';
      const values = (record.arrayValue as { values?: unknown } | null)?.values;
      return Array.isArray(values) ? values.map((value) => readAnyValue(value, depth + 1)) : [];
    }
    case 'kvlistValue': {
      if (depth >= MAX_ANY_VALUE_DEPTH) return '[nested too deep]';
      return readKeyValues((record.kvlistValue as { values?: unknown } | null)?.values, depth + 1);
    }
    default:
      return null;
  }
}

const ANY_VALUE_MEMBERS = [
  'stringValue',
  'intValue',
  'boolValue',
  'doubleValue',
  'arrayValue',
  'kvlistValue',
  'bytesValue',
] as const;

/**
 * The set member of an AnyValue. protobufjs would name it through its `value` getter,
 * but that allocates on every read and walking a message's keys is slow (its prototype
 * has enumerable defaults); its decoder deletes the other members, so the one it owns is
 * the answer. Parsed OTLP/JSON is a plain object whose one key is the member.
 */
function memberOf(record: Record<string, unknown>): string | undefined {
  if (Object.getPrototypeOf(record) !== Object.prototype) {
    for (const member of ANY_VALUE_MEMBERS) if (Object.hasOwn(record, member)) return member;
    return undefined;
  }
  if (typeof record.value === 'string') return record.value;
  for (const key in record) return key;
  return undefined;
}

/** A list of OTLP KeyValue as an object. A later duplicate key wins, as in most SDKs. */
export function readKeyValues(list: unknown, depth = 0): Record<string, unknown> {
  // a plain object, not Object.create(null): V8 keeps it in fast mode, which makes both
  // building it and JSON.stringify much cheaper on the ingest hot path
  const result: Record<string, unknown> = {};
  if (!Array.isArray(list)) return result;
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { key, value } = entry as { key?: unknown; value?: unknown };
    if (typeof key !== 'string') continue;
    const read = readAnyValue(value, depth);
    // a hostile `__proto__` key must stay data, not become the object's prototype
    if (key === '__proto__') Object.defineProperty(result, key, { ...DATA_PROPERTY, value: read });
    else result[key] = read;
  }
  return result;
}

const DATA_PROPERTY = { enumerable: true, writable: true, configurable: true } as const;

/** An OTLP enum (span kind, status code, severity): an integer in range, else 0. */
export function readEnum(value: unknown, max: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max ? value : 0;
}

export function readString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
