import type { SessionInsight } from './insight.js';
import type { ClickSignal, InsightSignal, RequestSignal } from './signals.js';

/**
 * What a click detector sees: the carried signals of earlier batches followed by this
 * batch's, in recorded order, and how far the recording is known to go.
 */
export interface ClickContext {
  signals: readonly InsightSignal[];
  /** Positions of the clicks in `signals`, in order. */
  clicks: readonly number[];
  /**
   * Whether the recording can hold nothing more about the click at `index` up to `untilMs`:
   * it went past `untilMs`, the page was left after the click, or the recording is over.
   */
  isCovered(index: number, untilMs: number): boolean;
  /** Whether this detector was done with the click at `signals[index]` in an earlier batch. */
  isDecided(index: number): boolean;
}

export interface DetectedInsight {
  insight: SessionInsight;
  /** Position of the click the finding is anchored to. */
  anchor: number;
}

/**
 * A detector's answer for one pass. `insights` may repeat a finding of an earlier pass
 * (a burst still growing): the caller matches it by key and updates it. A click in
 * `decided` is final for this detector; a click in neither list waits for more recording.
 */
export interface ClickDetection {
  insights: DetectedInsight[];
  decided: number[];
}

export type ClickDetector = (context: ClickContext) => ClickDetection;

export function clickAt(context: ClickContext, index: number): ClickSignal {
  return context.signals[index] as ClickSignal;
}

/**
 * The signals after position `index` recorded no later than `untilMs`, with their
 * positions; stops at the first later one (events are recorded in time order).
 */
export function* signalsAfter(
  signals: readonly InsightSignal[],
  index: number,
  untilMs: number,
): Generator<[position: number, signal: InsightSignal], void, undefined> {
  for (let i = index + 1; i < signals.length; i++) {
    const signal = signals[i] as InsightSignal;
    if (signal.timeMs > untilMs) return;
    yield [i, signal];
  }
}

/** The start of a finding anchored at `click`: its type, time and target. */
export function anchorInsight(type: SessionInsight['type'], click: ClickSignal): SessionInsight {
  const insight: SessionInsight = { type, timeMs: click.timeMs };
  if (click.targetId !== undefined) insight.targetId = click.targetId;
  return insight;
}

/** The requests' trace ids, each once, in order. */
export function collectTraceIds(requests: readonly RequestSignal[]): string[] {
  return [...new Set(requests.flatMap((request) => (request.traceId === undefined ? [] : [request.traceId])))];
}
