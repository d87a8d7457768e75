/**
 * Turns a value a driver returned into one JSON carries without loss or surprise, so both
 * engines answer the same shapes: big integers as numbers while exact (else as text),
 * binary as base64, dates as ISO text, NaN/Infinity as text.
 */
export function toJsonSafeValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return toSafeNumber(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (Array.isArray(value)) return value.map(toJsonSafeValue);
  return value;
}

function toSafeNumber(value: bigint): number | string {
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : value.toString();
}

/**
 * Parses a JSON column's text (an object or an array, which is what those columns hold);
 * anything else, or text that is not JSON, is returned as it is.
 */
export function parseJsonText(value: unknown): unknown {
  if (typeof value !== 'string' || !/^\s*[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
