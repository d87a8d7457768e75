import { type ParsedTraceparent, parseTraceparent } from '../../propagation/traceparent.js';

/** The part of `PerformanceServerTiming` we read. */
export interface ServerTimingMetric {
  readonly name: string;
  readonly description: string;
}

/**
 * The backend's trace for a response, from `Server-Timing: traceparent;desc="00-…-01"`
 * (browsers expose it on navigation and resource timing entries, already unquoted).
 */
export function findServerTimingTraceparent(
  metrics: readonly ServerTimingMetric[] | undefined,
): ParsedTraceparent | undefined {
  if (!metrics) return undefined;
  for (const metric of metrics) {
    if (metric.name.toLowerCase() !== 'traceparent') continue;
    const parsed = parseTraceparent(metric.description);
    if (parsed) return parsed;
  }
  return undefined;
}

/**
 * The same from a raw `Server-Timing` header value (`fetch` responses that expose it):
 * comma-separated metrics, each `name;param=value;…`, `desc` quoted or not.
 */
export function parseServerTimingHeader(header: string | null | undefined): ServerTimingMetric[] {
  if (!header) return [];
  const metrics: ServerTimingMetric[] = [];
  for (const metric of splitOutsideQuotes(header, ',')) {
    const [rawName, ...params] = splitOutsideQuotes(metric, ';');
    const name = rawName?.trim() ?? '';
    if (name === '') continue;
    let description = '';
    for (const param of params) {
      const equals = param.indexOf('=');
      if (equals === -1 || param.slice(0, equals).trim().toLowerCase() !== 'desc') continue;
      description = unquote(param.slice(equals + 1).trim());
      break;
    }
    metrics.push({ name, description });
  }
  return metrics;
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\\' && quoted) {
      current += char + (text[index + 1] ?? '');
      index++;
    } else if (char === '"') {
      quoted = !quoted;
      current += char;
    } else if (char === separator && !quoted) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

function unquote(value: string): string {
  if (value.length < 2 || !value.startsWith('"') || !value.endsWith('"')) return value;
  return value.slice(1, -1).replace(/\\(.)/g, '$1');
}
