/** An rrweb event as stored and returned by `GET /api/sessions/:id/events`. */
export interface ReplayEvent {
  type: number;
  timestamp: number;
  data: Record<string, unknown>;
}

/** rrweb's event types (`@rrweb/types` EventType). */
export const EventType = { FullSnapshot: 2, IncrementalSnapshot: 3, Meta: 4, Custom: 5 } as const;

/** rrweb's incremental sources used by the tests (`@rrweb/types` IncrementalSource). */
export const IncrementalSource = { Mutation: 0, MouseMove: 1, MouseInteraction: 2, Input: 5 } as const;

/** A Sightline event: an rrweb custom event tagged `sightline.<kind>` (docs/replay-format.md). */
export interface SightlineEvent<P = Record<string, unknown>> {
  timestamp: number;
  tag: string;
  payload: P;
}

/** The `sightline.<kind>` events, in order, with their payloads. */
export function sightlineEvents<P = Record<string, unknown>>(
  events: readonly ReplayEvent[],
  kind: string,
): SightlineEvent<P>[] {
  const tag = `sightline.${kind}`;
  return events
    .filter((event) => event.type === EventType.Custom && event.data.tag === tag)
    .map((event) => ({ timestamp: event.timestamp, tag, payload: event.data.payload as P }));
}

/** Names of the `sightline.track` events, in recorded order (e.g. markers a page tracked). */
export function trackedNames(events: readonly ReplayEvent[]): string[] {
  return sightlineEvents<{ name: string }>(events, 'track').map((event) => event.payload.name);
}

/** A `sightline.network` payload (docs/replay-format.md). */
export interface NetworkPayload {
  method: string;
  url: string;
  status: number;
  initiator: string;
  traceId?: string;
  spanId?: string;
  failed?: true;
  requestBody?: string;
  responseBody?: string;
}
