import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { findRequestTraces } from './replay-requests.js';
import { type ReplayEvent, type SessionSummary, type SightlineApi, waitFor } from './sightline-api.js';

const END_MARK = 'demo.visit-end';
/** A slow page's last upload can take a while on a busy machine. */
const SESSION_TIMEOUT_MS = 30_000;

/**
 * Ends a visit the way a user does: the tab closes, and the recorder's `pagehide` handler
 * sends what is left (keepalive fetch or beacon). Resolves once Sightline has it all: the
 * replay up to the last event, and the root span of every request the replay shows.
 */
export async function endSession(page: Page, api: SightlineApi): Promise<SessionSummary> {
  const token = randomUUID();
  const sessionId = await page.evaluate(
    ({ mark, token }) => {
      const sightline = window.Sightline;
      if (sightline === undefined) throw new Error('the recorder did not load: is Sightline serving /sightline.js?');
      sightline.track(mark, { token });
      return sightline.getSessionId();
    },
    { mark: END_MARK, token },
  );
  await page.close();

  let events: ReplayEvent[] = [];
  await waitFor(
    async () => {
      events = await readAllEvents(api, sessionId);
      return events.some((event) => isEndMark(event, token)) ? true : undefined;
    },
    {
      what: () => `the last replay batch of session ${sessionId} (${events.length} events so far)`,
      timeoutMs: SESSION_TIMEOUT_MS,
    },
  );
  const pending = findRequestTraces(events);
  // the backend's root: the server span, whose parent is the browser's span (not stored) or none
  const hasRoot = (trace: { spans: { spanId: string; parentSpanId: string | null }[] } | undefined) => {
    const spanIds = new Set(trace?.spans.map((span) => span.spanId));
    return trace?.spans.some((span) => span.parentSpanId === null || !spanIds.has(span.parentSpanId)) === true;
  };
  await waitFor(
    async () => {
      for (const trace of await api.getTraces(sessionId)) {
        if (hasRoot(trace)) pending.delete(trace.traceId);
      }
      // the first page of a session is requested before the recorder has set its cookie:
      // that trace is not linked to the session, so ask for it by id
      for (const traceId of pending.keys()) {
        if (hasRoot(await api.getTrace(traceId))) pending.delete(traceId);
      }
      return pending.size === 0 ? true : undefined;
    },
    {
      what: () => `the backend traces of session ${sessionId}, still missing: ${[...pending.values()].join(', ')}`,
      timeoutMs: SESSION_TIMEOUT_MS,
    },
  );
  const summary = await api.getSession(sessionId);
  if (summary === undefined) throw new Error(`session ${sessionId} vanished`);
  return summary;
}

async function readAllEvents(api: SightlineApi, sessionId: string): Promise<ReplayEvent[]> {
  const events: ReplayEvent[] = [];
  for (let fromSeq: number | null = 0; fromSeq !== null; ) {
    const page = await api.getEvents(sessionId, { fromSeq, maxBatches: 20 });
    events.push(...page.events);
    fromSeq = page.nextSeq;
  }
  return events;
}

function isEndMark(event: ReplayEvent, token: string): boolean {
  const data = event.data as
    | { tag?: unknown; payload?: { name?: unknown; properties?: { token?: unknown } } }
    | undefined;
  return (
    event.type === 5 &&
    data?.tag === 'sightline.track' &&
    data.payload?.name === END_MARK &&
    data.payload.properties?.token === token
  );
}
