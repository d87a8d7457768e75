import { guard } from '../internal/guard.js';

export type RecordedInitiator = 'fetch' | 'xhr' | 'beacon';

/** A request waiting for its resource timing entry (sizes, end of body, server timing). */
export interface TimingExpectation {
  /** Calls `done` once: with the entry as soon as it is in, or without one after a short wait. */
  settle(done: (entry: PerformanceResourceTiming | undefined) => void): void;
  /** The request will not be recorded after all. */
  abandon(): void;
}

export interface ResourceTimingMatcher {
  /** Registers a request as it starts, so its entry is recognized whenever it arrives. */
  expect(url: URL, initiator: RecordedInitiator, startTime: number): TimingExpectation;
  /** Settles every finished request now (page hide, stop): its record must not wait for an entry that may never come. */
  flush(): void;
  stop(): void;
}

export interface ResourceTimingMatcherOptions {
  /** Entries no recorded request claimed: resources, requests made before the patch. */
  onUnclaimedEntry(entry: PerformanceResourceTiming): void;
  report(error: unknown): void;
  /** How long a finished request waits for its entry. @default 1500 */
  waitMs?: number;
  /** Subscribes to resource entries; a PerformanceObserver by default, `undefined` where there is none. */
  observe?: ObserveResources;
}

/** Delivers resource timing entries to `onEntries` until `disconnect`. */
export type ObserveResources = (
  onEntries: (entries: PerformanceResourceTiming[]) => void,
  report: (error: unknown) => void,
) => { disconnect(): void } | undefined;

const ENTRY_INITIATOR_TYPES: Record<RecordedInitiator, string> = {
  fetch: 'fetch',
  xhr: 'xmlhttprequest',
  beacon: 'beacon',
};

// bounds for the books: requests that never finish, entries that never come
const MAX_PENDING = 500;
const MAX_RECENT = 200;
const RECENT_TTL_MS = 60_000;

/** What identifies a request's entry: its URL, the entry's initiator type, and when it started. */
interface RequestKey {
  key: string;
  entryType: string;
  startTime: number;
}

interface Pending extends RequestKey {
  entry?: PerformanceResourceTiming;
  done?: (entry: PerformanceResourceTiming | undefined) => void;
  timer?: ReturnType<typeof setTimeout>;
  completed?: boolean;
}

/**
 * Matches fetch/XHR/beacon requests with their `PerformanceResourceTiming` entries. An
 * entry arrives when the body is fully received — for fetch, after the promise resolved,
 * and only if someone reads the body — so a finished request waits briefly for it.
 */
export function createResourceTimingMatcher(options: ResourceTimingMatcherOptions): ResourceTimingMatcher {
  const waitMs = options.waitMs ?? 1500;
  const pending: Pending[] = [];
  // requests settled without their entry: when it shows up late it must not become a second row
  let recent: RequestKey[] = [];
  const observe = options.observe ?? observeResources;
  const observer = observe((entries) => {
    for (const entry of entries) claimEntry(entry);
  }, options.report);

  function claimEntry(entry: PerformanceResourceTiming): void {
    const key = withoutFragment(entry.name);
    const matches = (request: RequestKey) =>
      request.key === key && request.entryType === entry.initiatorType && request.startTime <= entry.startTime + 1;
    // the latest request started before the entry's fetch start is the one that made it
    const owner = latest(pending.filter((request) => !request.entry && matches(request)));
    if (owner) {
      owner.entry = entry;
      if (owner.done) complete(owner);
      return;
    }
    const late = latest(recent.filter(matches));
    if (late) {
      recent = recent.filter((request) => request !== late);
      return;
    }
    options.onUnclaimedEntry(entry);
  }

  function complete(request: Pending): void {
    if (request.completed) return;
    request.completed = true;
    forget(request);
    if (request.timer !== undefined) clearTimeout(request.timer);
    if (!request.entry) remember(request);
    request.done?.(request.entry);
  }

  function forget(request: Pending): void {
    const index = pending.indexOf(request);
    if (index !== -1) pending.splice(index, 1);
  }

  function remember(request: Pending): void {
    const now = performance.now();
    recent = recent.filter((earlier) => now - earlier.startTime < RECENT_TTL_MS).slice(-(MAX_RECENT - 1));
    recent.push({ key: request.key, entryType: request.entryType, startTime: request.startTime });
  }

  return {
    expect(url, initiator, startTime) {
      const request: Pending = {
        key: withoutFragment(url.href),
        entryType: ENTRY_INITIATOR_TYPES[initiator],
        startTime,
      };
      // a request dropped from the books is still recorded when it finishes, only without its entry
      if (pending.length >= MAX_PENDING) pending.shift();
      pending.push(request);
      return {
        settle(done) {
          // stopped, or abandoned: nothing more to record
          if (request.completed) return;
          request.done = done;
          if (request.entry || !observer) {
            complete(request);
            return;
          }
          request.timer = setTimeout(
            guard(options.report, () => complete(request)),
            waitMs,
          );
        },
        abandon() {
          request.completed = true;
          forget(request);
        },
      };
    },
    flush() {
      for (const request of pending.filter((waiting) => waiting.done)) complete(request);
    },
    stop() {
      observer?.disconnect();
      for (const request of pending) {
        request.completed = true;
        if (request.timer !== undefined) clearTimeout(request.timer);
      }
      pending.length = 0;
      recent = [];
    },
  };
}

const observeResources: ObserveResources = (onEntries, report) => {
  if (typeof PerformanceObserver === 'undefined') return undefined;
  try {
    const observer = new PerformanceObserver(
      guard(report, (list: PerformanceObserverEntryList) =>
        onEntries(list.getEntries() as PerformanceResourceTiming[]),
      ),
    );
    // buffered: resources loaded before the recorder started may carry a server-timing traceparent too
    observer.observe({ type: 'resource', buffered: true });
    return observer;
  } catch (error) {
    report(error);
    return undefined;
  }
};

function latest<Request extends { startTime: number }>(requests: Request[]): Request | undefined {
  let found: Request | undefined;
  for (const request of requests) if (!found || request.startTime > found.startTime) found = request;
  return found;
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}
