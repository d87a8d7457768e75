import { isRecordedEvent, type RecordedEvent } from '../replay/recorded-event';
import type { ApiClient } from './api-client';
import { ApiError } from './api-error';
import type { SessionEventsPage } from './api-types';

/** Header some server versions use for the next page's seq, instead of `nextSeq` in the body. */
export const NEXT_SEQ_HEADER = 'x-sightline-next-seq';

export interface SessionEventsLoadOptions {
  /**
   * Batches in the first page: small, so playback starts fast.
   * @default 5
   */
  firstPageBatches?: number;
  /**
   * Batches in each later page.
   * @default 50
   */
  pageBatches?: number;
  signal?: AbortSignal;
}

export interface SessionEventsChunk {
  events: RecordedEvent[];
  /** Events that were not rrweb events (no integer `type` or finite `timestamp`) and were dropped. */
  dropped: number;
  /** True on the last page. */
  done: boolean;
}

/**
 * The session's replay events page by page (`GET /api/sessions/:id/events?fromSeq=&maxBatches=`),
 * in recorded order, so the player can start on the first page while the rest arrives.
 * @example for await (const chunk of loadSessionEvents(client, id)) player.add(chunk.events);
 */
export async function* loadSessionEvents(
  client: ApiClient,
  sessionId: string,
  options: SessionEventsLoadOptions = {},
): AsyncGenerator<SessionEventsChunk> {
  const pageBatches = options.pageBatches ?? 50;
  let fromSeq: number | null = 0;
  let maxBatches = options.firstPageBatches ?? 5;
  while (fromSeq !== null) {
    const response = await client.get(`/api/sessions/${encodeURIComponent(sessionId)}/events`, {
      query: { fromSeq, maxBatches },
      signal: options.signal,
    });
    const page = await readPage(response);
    const nextSeq = page.nextSeq ?? readNextSeqHeader(response);
    const events = page.events.filter(isRecordedEvent);
    // a server that answered the same seq again would loop forever
    const done: boolean = nextSeq === null || nextSeq <= fromSeq;
    yield { events, dropped: page.events.length - events.length, done };
    fromSeq = done ? null : nextSeq;
    maxBatches = pageBatches;
  }
}

async function readPage(response: Response): Promise<SessionEventsPage> {
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    throw new ApiError('invalid_response', 'the replay events are not valid JSON', {
      status: response.status,
      cause: error,
    });
  }
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { events?: unknown }).events)) {
    throw new ApiError('invalid_response', 'the replay events answer has no `events` array', {
      status: response.status,
    });
  }
  const { events, nextSeq, sessionId } = body as { events: unknown[]; nextSeq?: unknown; sessionId?: unknown };
  return {
    sessionId: typeof sessionId === 'string' ? sessionId : '',
    events,
    nextSeq: typeof nextSeq === 'number' && Number.isInteger(nextSeq) ? nextSeq : null,
  };
}

function readNextSeqHeader(response: Response): number | null {
  const raw = response.headers.get(NEXT_SEQ_HEADER);
  if (raw === null || raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 0 ? value : null;
}
