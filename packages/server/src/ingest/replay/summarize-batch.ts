import type { ReplayBatch } from './replay-batch.js';
import { isRecord } from './replay-batch.js';

/** rrweb EventType / IncrementalSource / MouseInteractions numbers used here. */
const INCREMENTAL_SNAPSHOT = 3;
const META = 4;
const CUSTOM = 5;
const MOUSE_INTERACTION = 2;
const CLICK = 2;
/** MouseMove, MouseInteraction, Scroll, Input, TouchMove, Drag, Selection: what a person does. */
const USER_INPUT_SOURCES: ReadonlySet<number> = new Set([1, 2, 3, 5, 6, 12, 14]);
/** Navigations that show another page; `replaceState` only rewrites the current entry. */
const PAGE_VIEW_NAVIGATIONS: ReadonlySet<string> = new Set(['load', 'pushState', 'popstate', 'hashchange']);

/** A gap between two user inputs longer than this is idle time. */
export const ACTIVE_GAP_MS = 5000;
const MAX_URL_LENGTH = 2048;
const MAX_USER_ID_LENGTH = 256;
const TRACE_ID = /^[0-9a-f]{32}$/;
const MAX_TRACE_IDS = 1000;
/** Traits are for search and display; a bigger object is not stored. */
export const MAX_TRAITS_JSON_LENGTH = 16 * 1024;

/** What a batch says about its session, before the request (user agent, sizes) adds its part. */
export interface ReplayBatchSummary {
  firstEventMs: number;
  lastEventMs: number;
  eventCount: number;
  /** Distinct URLs in order of appearance: Meta `href`s and `sightline.navigation` targets. */
  urls: string[];
  pageCount: number;
  activeMs: number;
  clickCount: number;
  jsErrorCount: number;
  consoleErrorCount: number;
  failedRequestCount: number;
  userId: string | null;
  userTraits: Record<string, unknown> | null;
  previousSessionId: string | null;
  /** Trace ids the batch's requests carried in `traceparent`, each once. */
  traceIds: string[];
}

/**
 * Reads one batch (pure; events in the order sent). The rules, also in `docs/api.md`:
 * - page views: `sightline.navigation` of kind load, pushState, popstate or hashchange
 *   (a history change only when `to` differs from `from`); a batch without navigation
 *   events (another recorder) counts its Meta events whose `href` changes instead;
 * - clicks: mouse-interaction events of type Click;
 * - active time: the sum of gaps of at most 5 s between consecutive user inputs (mouse,
 *   touch, scroll, input, drag, selection); a gap across two batches is not counted;
 * - JS errors: `sightline.error`; console errors: `sightline.console` at level `error`;
 * - failed requests: `sightline.network` with `failed: true` (unless the app aborted it)
 *   or a status of 500 or more (4xx are answers the app handles — a 404 lookup, a 401
 *   before login — not failures), as the recorder's own error trigger counts them;
 * - user: the last `sightline.identify` of the batch; traits merged key by key.
 */
export function summarizeReplayBatch(batch: ReplayBatch): ReplayBatchSummary {
  const summary: ReplayBatchSummary = {
    firstEventMs: Number.POSITIVE_INFINITY,
    lastEventMs: Number.NEGATIVE_INFINITY,
    eventCount: batch.events.length,
    urls: [],
    pageCount: 0,
    activeMs: 0,
    clickCount: 0,
    jsErrorCount: 0,
    consoleErrorCount: 0,
    failedRequestCount: 0,
    userId: null,
    userTraits: null,
    previousSessionId: batch.previousSessionId ?? null,
    traceIds: [],
  };
  const traceIds = new Set<string>();
  const urls = new Set<string>();
  const addUrl = (url: unknown) => {
    if (typeof url === 'string' && url !== '') urls.add(url.slice(0, MAX_URL_LENGTH));
  };
  let navigationCount = 0;
  let metaPageViews = 0;
  let lastMetaHref: unknown;
  let lastInputMs: number | undefined;

  for (const event of batch.events) {
    summary.firstEventMs = Math.min(summary.firstEventMs, event.timestamp);
    summary.lastEventMs = Math.max(summary.lastEventMs, event.timestamp);
    const data = isRecord(event.data) ? event.data : undefined;
    if (!data) continue;
    if (event.type === META) {
      addUrl(data.href);
      if (data.href !== lastMetaHref) metaPageViews += 1;
      lastMetaHref = data.href;
    } else if (event.type === INCREMENTAL_SNAPSHOT && typeof data.source === 'number') {
      if (data.source === MOUSE_INTERACTION && data.type === CLICK) summary.clickCount += 1;
      if (USER_INPUT_SOURCES.has(data.source)) {
        if (lastInputMs !== undefined) {
          const gap = event.timestamp - lastInputMs;
          if (gap > 0 && gap <= ACTIVE_GAP_MS) summary.activeMs += gap;
        }
        lastInputMs = Math.max(lastInputMs ?? event.timestamp, event.timestamp);
      }
    } else if (event.type === CUSTOM && typeof data.tag === 'string' && isRecord(data.payload)) {
      const payload = data.payload;
      switch (data.tag) {
        case 'sightline.navigation':
          navigationCount += 1;
          addUrl(payload.to);
          if (isPageView(payload)) summary.pageCount += 1;
          break;
        case 'sightline.error':
          summary.jsErrorCount += 1;
          break;
        case 'sightline.console':
          if (payload.level === 'error') summary.consoleErrorCount += 1;
          break;
        case 'sightline.network':
          if (isFailedRequest(payload)) summary.failedRequestCount += 1;
          if (typeof payload.traceId === 'string' && TRACE_ID.test(payload.traceId) && traceIds.size < MAX_TRACE_IDS) {
            traceIds.add(payload.traceId);
          }
          break;
        case 'sightline.identify':
          readIdentify(summary, payload);
          break;
      }
    }
  }
  if (navigationCount === 0) summary.pageCount = metaPageViews;
  summary.urls = [...urls];
  summary.traceIds = [...traceIds];
  summary.activeMs = Math.round(summary.activeMs);
  return summary;
}

// an abort is the app cancelling (a typeahead, a route change), not something going wrong
function isFailedRequest(payload: Record<string, unknown>): boolean {
  if (payload.failed === true) return payload.failureReason !== 'aborted';
  return typeof payload.status === 'number' && payload.status >= 500;
}

function isPageView(payload: Record<string, unknown>): boolean {
  if (typeof payload.kind !== 'string' || !PAGE_VIEW_NAVIGATIONS.has(payload.kind)) return false;
  return payload.kind === 'load' || payload.to !== payload.from;
}

function readIdentify(summary: ReplayBatchSummary, payload: Record<string, unknown>): void {
  const { userId, traits } = payload;
  if (typeof userId === 'string' && userId !== '') summary.userId = userId.slice(0, MAX_USER_ID_LENGTH);
  else if (typeof userId === 'number' && Number.isFinite(userId)) summary.userId = String(userId);
  if (!isRecord(traits)) return;
  const merged = { ...summary.userTraits, ...traits };
  if (JSON.stringify(merged).length <= MAX_TRAITS_JSON_LENGTH) summary.userTraits = merged;
}
