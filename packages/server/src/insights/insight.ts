/**
 * Insights: behaviour patterns the server finds in a session's replay as its batches
 * arrive, shown as markers on the timeline and usable as search filters. The rules are
 * in `docs/api.md` (`Insights`); each has its own file here, `analyze.ts` runs them.
 */

export const INSIGHT_TYPES = ['rage-click', 'dead-click', 'double-submit', 'error-click', 'slow-frame'] as const;

export type InsightType = (typeof INSIGHT_TYPES)[number];

/** One finding, anchored at a moment of the replay. */
export interface SessionInsight {
  type: InsightType;
  /** Unix ms (browser clock) of the click, or of the start of the slow frame. */
  timeMs: number;
  /** rrweb node id of the clicked element. */
  targetId?: number;
  /** Clicks in a rage-click burst or a double submit. */
  count?: number;
  /** From the first to the last click of a burst; a slow frame's or metric's duration. */
  durationMs?: number;
  /** Double submits and error clicks: trace ids of the requests involved (`sightline.network` `traceId`). */
  traceIds?: string[];
  /** A short human-readable reason: the error message, the failed request, the metric. */
  detail?: string;
}

/** The rules' numbers, in one place (docs/api.md quotes them). */
export const INSIGHT_RULES = {
  /** Rage click: this many clicks on one spot … */
  rageClickMinClicks: 3,
  /** … within this long, each click at most this long after the one before. */
  rageClickWindowMs: 1000,
  /** "One spot": within this distance of the burst's first click (or the same node, without coordinates). */
  rageClickRadiusPx: 30,
  /** Dead click: no DOM change, navigation or request this long after the click. */
  deadClickWindowMs: 1500,
  /** A submit this close after a click was caused by it (the recorder reads the outcome a task later). */
  submitAfterClickMs: 300,
  /** Double submit: two clicks on one element at most this far apart … */
  doubleSubmitGapMs: 500,
  /** … each followed by a request started within this long (and before the next click). */
  requestAttributionMs: 1000,
  /** Error click: an uncaught error, or a request answered 5xx, starting this long after the click. */
  errorClickWindowMs: 1000,
  /** Slow frame: a long task or long animation frame longer than this. */
  slowFrameMs: 200,
  /**
   * A request is recorded when it completes, so a request started inside a window may
   * show up later: a click is decided only once the recording reaches this far past its
   * window (or earlier, when the evidence that decides it is already there).
   */
  requestSettleMs: 5000,
} as const;

/** Types decided per click (everything but slow frames). */
export type ClickInsightType = Exclude<InsightType, 'slow-frame'>;

export function isInsightType(value: unknown): value is InsightType {
  return typeof value === 'string' && (INSIGHT_TYPES as readonly string[]).includes(value);
}

/**
 * What makes two findings the same one: a finding reported again (a burst that grew, a
 * second failing request) replaces the first instead of counting twice.
 */
export function getInsightKey(insight: SessionInsight): string {
  const base = `${insight.type}:${insight.timeMs}:${insight.targetId ?? ''}`;
  // slow frames have no target: two metrics of the same millisecond differ by their detail
  return insight.type === 'slow-frame' ? `${base}:${insight.detail ?? ''}` : base;
}
