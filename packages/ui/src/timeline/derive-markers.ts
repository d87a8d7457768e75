import type { Insight } from '../api/api-types';
import type { NodeLabelIndex } from '../replay/node-label-index';
import { EventType, isClickEvent, type RecordedEvent, readData } from '../replay/recorded-event';
import { describeErrorPayload, isFailedRequest, isSlowFrame, readSightlineEvent } from '../replay/sightline-events';
import { readInsightOffset, toSessionOffset } from './session-time';
import { MARKER_TITLES, type MarkerKind, type TimelineMarker } from './timeline-marker';

/** Turns replay events into timeline markers one at a time; remembers the current URL across pages of events. */
export interface MarkerDeriver {
  /** The marker for this event, if it deserves one. Call in recorded order. */
  next(event: RecordedEvent): TimelineMarker | undefined;
}

/**
 * Markers: clicks (type 3, source 2, data.type 2), page changes (`sightline.navigation`
 * other than replaceState, and Meta events whose URL changed), `sightline.error`,
 * failed requests (failed, or status ≥ 500), slow frames (long tasks and long animation frames).
 */
export function createMarkerDeriver(sessionStartMs: number, labels?: NodeLabelIndex): MarkerDeriver {
  let currentUrl: string | undefined;

  function navigationTo(url: string, timestamp: number): TimelineMarker | undefined {
    if (url === currentUrl) return undefined;
    currentUrl = url;
    return { kind: 'navigation', timeMs: toSessionOffset(timestamp, sessionStartMs), label: url };
  }

  return {
    next(event) {
      if (isClickEvent(event)) {
        const id = readData(event).id;
        const target = typeof id === 'number' ? labels?.describe(id) : undefined;
        return {
          kind: 'click',
          timeMs: toSessionOffset(event.timestamp, sessionStartMs),
          label: target ? `Click on ${target}` : 'Click',
        };
      }
      if (event.type === EventType.Meta) {
        const href = readData(event).href;
        return typeof href === 'string' ? navigationTo(href, event.timestamp) : undefined;
      }
      const custom = readSightlineEvent(event);
      if (!custom) return undefined;
      switch (custom.tag) {
        case 'navigation':
          // replaceState changes no page; leaving one is marked by the next page's load
          return custom.payload.kind === 'replaceState' || custom.payload.kind === 'pagehide'
            ? undefined
            : navigationTo(custom.payload.to, custom.timestamp);
        case 'error':
          return {
            kind: 'error',
            timeMs: toSessionOffset(custom.timestamp, sessionStartMs),
            label: describeErrorPayload(custom.payload),
          };
        case 'network':
          if (!isFailedRequest(custom.payload)) return undefined;
          return {
            kind: 'failed-request',
            timeMs: toSessionOffset(custom.payload.startMs, sessionStartMs),
            label: `${custom.payload.method} ${custom.payload.url} → ${custom.payload.failed ? (custom.payload.failureReason ?? 'failed') : custom.payload.status}`,
          };
        case 'performance':
          if (!isSlowFrame(custom.payload)) return undefined;
          return {
            kind: 'slow-frame',
            timeMs: toSessionOffset(custom.payload.startMs ?? custom.timestamp, sessionStartMs),
            label: `Slow frame: ${Math.round(custom.payload.durationMs ?? custom.payload.value)} ms`,
          };
        default:
          return undefined;
      }
    },
  };
}

/** All markers of a list of events, in recorded order. */
export function deriveMarkers(
  events: readonly RecordedEvent[],
  sessionStartMs: number,
  labels?: NodeLabelIndex,
): TimelineMarker[] {
  const deriver = createMarkerDeriver(sessionStartMs, labels);
  const markers: TimelineMarker[] = [];
  for (const event of events) {
    labels?.add(event);
    const marker = deriver.next(event);
    if (marker) markers.push(marker);
  }
  return markers;
}

const INSIGHT_KINDS: Record<string, MarkerKind> = {
  'rage-click': 'rage-click',
  'dead-click': 'dead-click',
  'double-submit': 'double-submit',
  'error-click': 'error-click',
  'slow-frame': 'slow-frame',
};

/** Markers for the server's insights (`GET /api/sessions/:id` → `insights`); unknown types are skipped. */
export function deriveInsightMarkers(
  insights: readonly Insight[] | undefined,
  sessionStartMs: number,
): TimelineMarker[] {
  const markers: TimelineMarker[] = [];
  for (const insight of insights ?? []) {
    const kind = INSIGHT_KINDS[insight.type];
    if (kind === undefined || typeof insight.timeMs !== 'number' || !Number.isFinite(insight.timeMs)) continue;
    markers.push({
      kind,
      timeMs: readInsightOffset(insight.timeMs, sessionStartMs),
      label: describeInsight(kind, insight),
    });
  }
  return markers;
}

function describeInsight(kind: MarkerKind, insight: Insight): string {
  const details: string[] = [];
  if (typeof insight.count === 'number') details.push(`${insight.count}×`);
  if (typeof insight.durationMs === 'number') details.push(`${Math.round(insight.durationMs)} ms`);
  if (typeof insight.detail === 'string' && insight.detail !== '') details.push(insight.detail);
  return details.length === 0 ? MARKER_TITLES[kind] : `${MARKER_TITLES[kind]}: ${details.join(' · ')}`;
}
