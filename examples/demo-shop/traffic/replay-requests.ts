import type { ReplayEvent } from './sightline-api.js';

/**
 * The requests a replay recorded (`sightline.network` events) that the recorder linked to
 * a backend trace: trace id → "METHOD url".
 */
export function findRequestTraces(events: readonly ReplayEvent[]): Map<string, string> {
  const traces = new Map<string, string>();
  for (const event of events) {
    const data = event.data as
      | { tag?: unknown; payload?: { traceId?: unknown; method?: unknown; url?: unknown } }
      | undefined;
    if (event.type !== 5 || data?.tag !== 'sightline.network') continue;
    const { traceId, method, url } = data.payload ?? {};
    if (typeof traceId === 'string') traces.set(traceId, `${String(method)} ${String(url)}`);
  }
  return traces;
}
