import type { SessionReplayActivity } from '../store.js';
import { readJson } from './row-mappers.js';

/** A session keeps its first 100 distinct URLs: enough to search by, bounded for a runaway SPA. */
export const MAX_SESSION_URLS = 100;

/** The session columns a replay batch cannot merge with plain SQL arithmetic, as stored. */
export interface StoredReplayLists {
  first_url: string | null;
  urls: unknown;
  user_traits: unknown;
}

export interface MergedReplayLists {
  firstUrl: string | null;
  urlsJson: string;
  userTraitsJson: string | null;
}

/**
 * Merges a batch's URLs and traits into what the session holds. Both engines call this
 * with the session row locked (SQLite's one writer, PostgreSQL's `FOR UPDATE`), so the
 * result is the same on both and no concurrent batch's URLs are lost.
 *
 * - `firstUrl`: batch 0's first URL wins, since batches can arrive out of order; until
 *   it arrives, the first URL of whichever batch came first stands in.
 * - `urls`: the stored list, then the batch's URLs not in it yet, cut at 100.
 * - traits: a shallow merge, the batch's keys over the stored ones.
 */
export function mergeReplayLists(
  stored: StoredReplayLists | undefined,
  activity: Pick<SessionReplayActivity, 'urls' | 'userTraitsJson'>,
  seq: number,
): MergedReplayLists {
  const batchFirstUrl = activity.urls[0] ?? null;
  const firstUrl = seq === 0 && batchFirstUrl !== null ? batchFirstUrl : (stored?.first_url ?? batchFirstUrl ?? null);

  const urls = readJson<string[]>(stored?.urls, []);
  if (urls.length < MAX_SESSION_URLS) {
    const known = new Set(urls);
    for (const url of activity.urls) {
      if (urls.length >= MAX_SESSION_URLS) break;
      if (known.has(url)) continue;
      known.add(url);
      urls.push(url);
    }
  }

  const storedTraits = readJson<Record<string, unknown> | null>(stored?.user_traits, null);
  const batchTraits = activity.userTraitsJson === null ? null : (JSON.parse(activity.userTraitsJson) as object);
  const traits = batchTraits === null ? storedTraits : { ...storedTraits, ...batchTraits };
  return { firstUrl, urlsJson: JSON.stringify(urls), userTraitsJson: traits === null ? null : JSON.stringify(traits) };
}
