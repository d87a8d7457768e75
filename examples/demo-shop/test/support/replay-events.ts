import type { ReplayEvent, SightlineApi } from '../../traffic/sightline-api.js';

/** rrweb: IncrementalSnapshot, its MouseInteraction source, and the Click interaction. */
const INCREMENTAL_SNAPSHOT = 3;
const MOUSE_INTERACTION = 2;
const CLICK = 2;

export interface NetworkPayload {
  method: string;
  url: string;
  status: number;
  startMs: number;
  traceId?: string;
  initiator: string;
}

export async function readAllEvents(api: SightlineApi, sessionId: string): Promise<ReplayEvent[]> {
  const events: ReplayEvent[] = [];
  for (let fromSeq: number | null = 0; fromSeq !== null; ) {
    const page = await api.getEvents(sessionId, { fromSeq, maxBatches: 50 });
    events.push(...page.events);
    fromSeq = page.nextSeq;
  }
  return events;
}

/** The payloads of Sightline's custom events with this tag (`sightline.network`, …). */
export function payloadsOf<T>(events: readonly ReplayEvent[], tag: string): T[] {
  return events.flatMap((event) => {
    const data = event.data as { tag?: unknown; payload?: unknown } | undefined;
    return event.type === 5 && data?.tag === tag ? [data.payload as T] : [];
  });
}

/** The clicks of the replay: time and rrweb node id of the target. */
export function clicksOf(events: readonly ReplayEvent[]): { timeMs: number; targetId: number }[] {
  return events.flatMap((event) => {
    const data = event.data as { source?: unknown; type?: unknown; id?: unknown } | undefined;
    return event.type === INCREMENTAL_SNAPSHOT && data?.source === MOUSE_INTERACTION && data.type === CLICK
      ? [{ timeMs: event.timestamp, targetId: data.id as number }]
      : [];
  });
}

/** The requests the replay recorded to this path of the shop. */
export function requestsTo(events: readonly ReplayEvent[], method: string, path: string): NetworkPayload[] {
  return payloadsOf<NetworkPayload>(events, 'sightline.network').filter(
    (request) => request.method === method && new URL(request.url).pathname === path,
  );
}
