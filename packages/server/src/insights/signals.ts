import type { ReplayEvent } from '../ingest/replay/replay-batch.js';
import { isRecord } from '../ingest/replay/replay-batch.js';
import type { ClickInsightType } from './insight.js';

/**
 * The few facts of a replay that insights read, pulled out of a batch's rrweb events once,
 * in recorded order. Small on purpose: the signals of a batch's last seconds are kept
 * with the session (the carry) until the next batch decides its clicks.
 */
export type InsightSignal =
  | ClickSignal
  | DomSignal
  | NavigationSignal
  | PageSignal
  | RequestSignal
  | ErrorSignal
  | SubmitSignal
  | ExitSignal;

export interface ClickSignal {
  kind: 'click';
  timeMs: number;
  targetId?: number;
  x?: number;
  y?: number;
  /** The detectors already done with this click (set while it waits in the carry). */
  decided?: ClickInsightType[];
}

/** The page changed: a mutation, an input's value, a media element, a full snapshot, skipped mutations. */
export interface DomSignal {
  kind: 'dom';
  timeMs: number;
}

/** A history or hash navigation, a page load, or a Meta event with a new URL. */
export interface NavigationSignal {
  kind: 'navigation';
  timeMs: number;
}

/**
 * The page was left (`sightline.navigation` kind `pagehide`: closed, reloaded, a link
 * followed): nothing more will be recorded about the clicks before it, and leaving within
 * a click's window answers that click.
 */
export interface ExitSignal {
  kind: 'exit';
  timeMs: number;
}

/** A Meta event: a navigation only when its URL differs from the page before (decided in `analyze`). */
export interface PageSignal {
  kind: 'page';
  timeMs: number;
  href: string;
}

export interface RequestSignal {
  kind: 'request';
  /** When it was recorded: when the request completed. */
  timeMs: number;
  /** When it was sent: what windows test. */
  startMs: number;
  initiator: string;
  status: number;
  traceId?: string;
  method?: string;
  url?: string;
}

/** A form submission (the recorder's `sightline.submit`), whether or not the page let it through. */
export interface SubmitSignal {
  kind: 'submit';
  timeMs: number;
}

export interface ErrorSignal {
  kind: 'error';
  timeMs: number;
  message?: string;
}

/** A performance entry of the batch; slow frames are decided on the spot, never carried. */
export interface PerformanceSignal {
  kind: 'performance';
  timeMs: number;
  metric: string;
  durationMs: number;
  rating?: string;
}

export interface BatchInsightSignals {
  signals: InsightSignal[];
  performance: PerformanceSignal[];
  /** The latest event time of the batch: the recording is known up to here. */
  lastEventMs: number;
  /**
   * The recording is over (no batch came for a while, see `settleInsights`): every click
   * still open is decided with what was recorded.
   */
  ended?: boolean;
}

/** rrweb EventType / IncrementalSource / MouseInteractions numbers used here. */
const FULL_SNAPSHOT = 2;
const INCREMENTAL_SNAPSHOT = 3;
const META = 4;
const CUSTOM = 5;
const MUTATION = 0;
const MOUSE_INTERACTION = 2;
const INPUT = 5;
const MEDIA_INTERACTION = 7;
const CLICK = 2;

const MAX_TEXT_LENGTH = 200;
const TRACE_ID = /^[0-9a-f]{32}$/;

/**
 * Reads a batch's insight signals (pure). Only the first DOM change after each click
 * matters to a dead click, so later ones before the next click are left out: a batch of
 * thousands of mutations gives a handful of signals.
 */
export function extractInsightSignals(events: readonly ReplayEvent[]): BatchInsightSignals {
  const signals: InsightSignal[] = [];
  const performance: PerformanceSignal[] = [];
  let lastEventMs = Number.NEGATIVE_INFINITY;
  let domSinceClick = false;
  const addDom = (timeMs: number) => {
    if (domSinceClick) return;
    domSinceClick = true;
    signals.push({ kind: 'dom', timeMs });
  };

  for (const event of events) {
    const timeMs = event.timestamp;
    lastEventMs = Math.max(lastEventMs, timeMs);
    if (event.type === FULL_SNAPSHOT) {
      addDom(timeMs);
      continue;
    }
    const data = isRecord(event.data) ? event.data : undefined;
    if (!data) continue;
    if (event.type === INCREMENTAL_SNAPSHOT) {
      if (data.source === MOUSE_INTERACTION && data.type === CLICK) {
        signals.push(readClick(data, timeMs));
        domSinceClick = false;
      } else if (
        data.source === MUTATION ? hasChanges(data) : data.source === INPUT || data.source === MEDIA_INTERACTION
      ) {
        addDom(timeMs);
      }
    } else if (event.type === META) {
      if (typeof data.href === 'string') signals.push({ kind: 'page', timeMs, href: data.href });
    } else if (event.type === CUSTOM && typeof data.tag === 'string' && isRecord(data.payload)) {
      const payload = data.payload;
      switch (data.tag) {
        case 'sightline.navigation':
          if (payload.kind === 'pagehide') signals.push({ kind: 'exit', timeMs });
          else if (payload.kind === 'load' || payload.to !== payload.from) signals.push({ kind: 'navigation', timeMs });
          break;
        case 'sightline.network': {
          const request = readRequest(payload, timeMs);
          if (request) signals.push(request);
          break;
        }
        case 'sightline.submit':
          signals.push({ kind: 'submit', timeMs });
          break;
        case 'sightline.error':
          signals.push({ kind: 'error', timeMs, ...optionalText('message', payload.message) });
          break;
        case 'sightline.dropped':
          // mutations the recorder skipped (a storm) still changed the page
          if (payload.reason === 'mutation-storm') addDom(timeMs);
          break;
        case 'sightline.performance': {
          const entry = readPerformance(payload, timeMs);
          if (entry) performance.push(entry);
          break;
        }
      }
    }
  }
  return { signals, performance, lastEventMs };
}

function readClick(data: Record<string, unknown>, timeMs: number): ClickSignal {
  const click: ClickSignal = { kind: 'click', timeMs };
  if (isFiniteNumber(data.id)) click.targetId = data.id;
  if (isFiniteNumber(data.x) && isFiniteNumber(data.y)) {
    click.x = data.x;
    click.y = data.y;
  }
  return click;
}

function hasChanges(data: Record<string, unknown>): boolean {
  return [data.adds, data.removes, data.texts, data.attributes].some((list) => Array.isArray(list) && list.length > 0);
}

function readRequest(payload: Record<string, unknown>, timeMs: number): RequestSignal | undefined {
  const initiator = typeof payload.initiator === 'string' ? payload.initiator : 'fetch';
  // images, scripts, styles: the page loading itself, not an answer to a click
  if (initiator === 'resource') return undefined;
  const startMs = isFiniteNumber(payload.startMs) ? payload.startMs : timeMs;
  const request: RequestSignal = {
    kind: 'request',
    timeMs,
    startMs,
    initiator,
    status: isFiniteNumber(payload.status) ? payload.status : 0,
    ...optionalText('method', payload.method),
    ...optionalText('url', payload.url),
  };
  if (typeof payload.traceId === 'string' && TRACE_ID.test(payload.traceId)) request.traceId = payload.traceId;
  return request;
}

function readPerformance(payload: Record<string, unknown>, timeMs: number): PerformanceSignal | undefined {
  if (typeof payload.kind !== 'string') return undefined;
  const durationMs = isFiniteNumber(payload.durationMs)
    ? payload.durationMs
    : isFiniteNumber(payload.value)
      ? payload.value
      : undefined;
  if (durationMs === undefined) return undefined;
  const entry: PerformanceSignal = {
    kind: 'performance',
    timeMs: isFiniteNumber(payload.startMs) ? payload.startMs : timeMs,
    metric: payload.kind.slice(0, 40),
    durationMs,
  };
  if (typeof payload.rating === 'string') entry.rating = payload.rating.slice(0, 40);
  return entry;
}

function optionalText<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  if (typeof value !== 'string' || value === '') return {};
  return { [key]: value.slice(0, MAX_TEXT_LENGTH) } as { [P in K]?: string };
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
