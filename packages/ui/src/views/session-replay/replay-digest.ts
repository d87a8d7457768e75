import { type ConsoleRow, toConsoleRow } from '../../panels/console/console-rows';
import { appendEventRow, createEventRowDeriver, type EventRow } from '../../panels/events/event-rows';
import { sortByTime } from '../../panels/follow-playback';
import { type NetworkRow, toNetworkRow } from '../../panels/network/network-rows';
import { createNodeLabelIndex } from '../../replay/node-label-index';
import { EventType, IncrementalSource, type RecordedEvent, readIncrementalSource } from '../../replay/recorded-event';
import { readSightlineEvent } from '../../replay/sightline-events';
import { createMarkerDeriver } from '../../timeline/derive-markers';
import { toSessionOffset } from '../../timeline/session-time';
import type { TimelineMarker } from '../../timeline/timeline-marker';

/** Everything the replay page derives from the recorded events, for the timeline and the panels. */
export interface ReplayDigest {
  eventCount: number;
  /** Unix ms of the first and last replay events. */
  firstEventMs: number | undefined;
  lastEventMs: number | undefined;
  markers: TimelineMarker[];
  eventRows: EventRow[];
  consoleRows: ConsoleRow[];
  networkRows: NetworkRow[];
  /** Session offsets of the user's inputs, for 'skip inactivity'. */
  activityMs: number[];
}

export interface ReplayDigester {
  /** Adds a page of events (in recorded order) and returns the digest so far, as new arrays. */
  ingest(events: readonly RecordedEvent[]): ReplayDigest;
}

/** Inputs that mean the user is there: the page moving under them does not count. */
const ACTIVITY_SOURCES = new Set<number>([
  IncrementalSource.MouseMove,
  IncrementalSource.MouseInteraction,
  IncrementalSource.Scroll,
  IncrementalSource.ViewportResize,
  IncrementalSource.Input,
  IncrementalSource.TouchMove,
  IncrementalSource.MediaInteraction,
  IncrementalSource.Drag,
  IncrementalSource.Selection,
]);

/**
 * Digests events page by page, keeping what spans pages (the DOM labels, the current
 * URL, a field being typed into), so a 50,000-event session is read once, as it arrives.
 */
export function createReplayDigester(sessionStartMs: number): ReplayDigester {
  const labels = createNodeLabelIndex();
  const markerDeriver = createMarkerDeriver(sessionStartMs, labels);
  const eventRowDeriver = createEventRowDeriver(sessionStartMs, labels);
  const markers: TimelineMarker[] = [];
  const eventRows: EventRow[] = [];
  const consoleRows: ConsoleRow[] = [];
  let networkRows: NetworkRow[] = [];
  const activityMs: number[] = [];
  let eventCount = 0;
  let firstEventMs: number | undefined;
  let lastEventMs: number | undefined;

  return {
    ingest(events) {
      let newNetworkRows = false;
      for (const event of events) {
        eventCount += 1;
        firstEventMs = firstEventMs === undefined ? event.timestamp : Math.min(firstEventMs, event.timestamp);
        lastEventMs = lastEventMs === undefined ? event.timestamp : Math.max(lastEventMs, event.timestamp);
        labels.add(event);
        const marker = markerDeriver.next(event);
        if (marker) markers.push(marker);
        const eventRow = eventRowDeriver.next(event);
        if (eventRow) appendEventRow(eventRows, eventRow);
        if (event.type === EventType.Custom) {
          const consoleRow = toConsoleRow(event, sessionStartMs);
          if (consoleRow) consoleRows.push(consoleRow);
          const networkRow = toNetworkRow(event, sessionStartMs);
          if (networkRow) {
            networkRows.push(networkRow);
            newNetworkRows = true;
          }
          const custom = readSightlineEvent(event);
          if (custom?.tag === 'error' || custom?.tag === 'navigation') {
            activityMs.push(toSessionOffset(event.timestamp, sessionStartMs));
          }
        } else {
          const source = readIncrementalSource(event);
          if (source !== undefined && ACTIVITY_SOURCES.has(source)) {
            activityMs.push(toSessionOffset(event.timestamp, sessionStartMs));
          }
        }
      }
      // requests are recorded when they end, and listed where they started
      if (newNetworkRows) networkRows = sortByTime(networkRows);
      return {
        eventCount,
        firstEventMs,
        lastEventMs,
        markers: [...markers],
        eventRows: [...eventRows],
        consoleRows: [...consoleRows],
        networkRows: [...networkRows],
        activityMs: [...activityMs],
      };
    },
  };
}
