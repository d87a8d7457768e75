import { isSpanContextValid, type SpanContext } from '@opentelemetry/api';

/**
 * The `Server-Timing` entry that names a response's trace:
 * `traceparent;desc="00-<trace id>-<span id>-<flags>"`, or `undefined` without a valid span.
 */
export function formatServerTimingEntry(spanContext: SpanContext | undefined): string | undefined {
  if (spanContext === undefined || !isSpanContextValid(spanContext)) return undefined;
  const flags = (spanContext.traceFlags & 0xff).toString(16).padStart(2, '0');
  return `traceparent;desc="00-${spanContext.traceId}-${spanContext.spanId}-${flags}"`;
}

/**
 * A `Server-Timing` value with `entry` appended to what the app already set (a string, or
 * several header lines), leaving it unchanged if the entry is already there.
 */
export function appendServerTimingEntry(
  existing: string | number | readonly string[] | undefined,
  entry: string,
): string | string[] {
  if (existing === undefined || existing === '') return entry;
  if (Array.isArray(existing)) return existing.includes(entry) ? [...existing] : [...existing, entry];
  const value = String(existing);
  if (value.split(',').some((part) => part.trim() === entry)) return value;
  return `${value}, ${entry}`;
}
