import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { Store, StoredReplayBatch } from '../storage/store.js';

const gunzipAsync = promisify(gunzip);

/** Batches read from the store per round trip: a bounded amount of memory whatever the session's size. */
export const EVENT_STREAM_PAGE_BATCHES = 50;

export interface SessionEventsRange {
  /** The first batch seq to return. */
  fromSeq: number;
  /** Batches to return at most; `nextSeq` in the body says where the next call starts. */
  maxBatches: number;
}

/**
 * The session's replay events in recorded order — batches by `seq`, events within a
 * batch as sent, never re-sorted by timestamp (that would scramble events of the same
 * millisecond) — as a JSON text stream:
 * `{"sessionId":"…","events":[…],"nextSeq":12|null}`. Batches are read a page at a time
 * and one batch at a time is decompressed, so a session of any size streams in bounded
 * memory. Resolves to undefined when the org has no replay for the session.
 */
export async function streamSessionEvents(
  store: Store,
  orgId: number,
  sessionId: string,
  range: SessionEventsRange,
): Promise<Readable | undefined> {
  const firstLimit = Math.min(EVENT_STREAM_PAGE_BATCHES, range.maxBatches);
  const firstPage = await store.listReplayBatches(orgId, sessionId, { fromSeq: range.fromSeq, limit: firstLimit });
  if (firstPage.length === 0 && !(await store.getSession(orgId, sessionId))?.hasReplay) return undefined;
  return Readable.from(writeEvents(store, orgId, sessionId, range, firstPage, firstLimit), { objectMode: false });
}

async function* writeEvents(
  store: Store,
  orgId: number,
  sessionId: string,
  range: SessionEventsRange,
  firstPage: StoredReplayBatch[],
  firstLimit: number,
): AsyncGenerator<string> {
  yield `{"sessionId":${JSON.stringify(sessionId)},"events":[`;
  let page = firstPage;
  let asked = firstLimit;
  let remaining = range.maxBatches;
  let nextSeq = range.fromSeq;
  let wroteEvent = false;
  let more = false;
  for (;;) {
    for (const batch of page) {
      const events = await readBatchEvents(batch);
      if (events.length > 0) {
        yield `${wroteEvent ? ',' : ''}${events.map((event) => JSON.stringify(event)).join(',')}`;
        wroteEvent = true;
      }
      nextSeq = batch.seq + 1;
      remaining -= 1;
    }
    if (page.length < asked) break;
    if (remaining === 0) {
      more = (await store.listReplayBatches(orgId, sessionId, { fromSeq: nextSeq, limit: 1 })).length > 0;
      break;
    }
    asked = Math.min(EVENT_STREAM_PAGE_BATCHES, remaining);
    page = await store.listReplayBatches(orgId, sessionId, { fromSeq: nextSeq, limit: asked });
  }
  yield `],"nextSeq":${more ? nextSeq : null}}`;
}

async function readBatchEvents(batch: StoredReplayBatch): Promise<unknown[]> {
  const parsed = JSON.parse((await gunzipAsync(batch.payload)).toString('utf8')) as { events?: unknown };
  return Array.isArray(parsed.events) ? parsed.events : [];
}
