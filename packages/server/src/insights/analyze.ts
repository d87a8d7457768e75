import type { ClickContext, ClickDetector } from './click-detector.js';
import { detectDeadClicks } from './dead-click.js';
import { detectDoubleSubmits } from './double-submit.js';
import { detectErrorClicks } from './error-click.js';
import { type ClickInsightType, getInsightKey, type SessionInsight } from './insight.js';
import { detectRageClicks } from './rage-click.js';
import type { BatchInsightSignals, ClickSignal, InsightSignal } from './signals.js';
import { detectSlowFrames } from './slow-frame.js';

const CLICK_DETECTORS: readonly (readonly [ClickInsightType, ClickDetector])[] = [
  ['rage-click', detectRageClicks],
  ['dead-click', detectDeadClicks],
  ['double-submit', detectDoubleSubmits],
  ['error-click', detectErrorClicks],
];

/**
 * A carry longer than this (a page firing hundreds of requests a second) is dropped rather
 * than stored: the clicks it waited on stay undecided, the session row stays small.
 */
export const MAX_CARRY_SIGNALS = 2000;

/**
 * What one batch hands to the next one of its session: the signals from the first click a
 * detector still waits on (with what each detector decided), the findings already reported
 * for those clicks, the page's URL and how far the recording went.
 */
export interface InsightCarry {
  v: 1;
  signals: InsightSignal[];
  /** Finding key → the finding as last reported (JSON), for clicks still in `signals`. */
  reported: Record<string, string>;
  /** URL of the last Meta event: a Meta with another URL is a navigation. */
  href?: string;
  coverageEndMs: number;
}

export interface InsightAnalysis {
  /** Findings not reported before: they count. */
  added: SessionInsight[];
  /** Findings reported before that changed (a burst grew, a trace id came): they replace the old one. */
  updated: SessionInsight[];
  /** To keep with the session for its next batch. */
  carry: InsightCarry;
}

/**
 * Finds the insights a batch decides (pure). `carry` is what the previous batch of the
 * session (seq − 1) left; without it the batch is read alone.
 *
 * A click is decided once its window is covered — the recording went past its end (plus
 * the time a request takes to be recorded) — or once the evidence that decides it is
 * there. Clicks not decided yet travel in the carry to the next batch, which decides them
 * with its own events. A finding is reported once, under its key (type, time, target);
 * reported again while its click is open, it is an update, never a second count.
 *
 * @example
 * const first = analyzeInsights(undefined, extractInsightSignals(batch0.events));
 * const second = analyzeInsights(first.carry, extractInsightSignals(batch1.events));
 */
export function analyzeInsights(carry: InsightCarry | undefined, batch: BatchInsightSignals): InsightAnalysis {
  const signals: InsightSignal[] = (carry?.signals ?? []).map(cloneSignal);
  let href = carry?.href;
  for (const signal of batch.signals) {
    if (signal.kind !== 'page') {
      signals.push(cloneSignal(signal));
    } else if (signal.href !== href) {
      // the first Meta of a page with another URL: a full-page navigation happened
      if (href !== undefined) signals.push({ kind: 'navigation', timeMs: signal.timeMs });
      href = signal.href;
    }
  }
  const coverageEndMs = Math.max(carry?.coverageEndMs ?? Number.NEGATIVE_INFINITY, batch.lastEventMs);
  const clicks = signals.flatMap((signal, index) => (signal.kind === 'click' ? [index] : []));
  const lastExit = signals.findLastIndex((signal) => signal.kind === 'exit');
  const ended = batch.ended === true;

  const previouslyReported = carry?.reported ?? {};
  const reported = new Map<string, { json: string; anchor: number }>();
  const analysis: InsightAnalysis = {
    added: [],
    updated: [],
    carry: { v: 1, signals: [], reported: {}, coverageEndMs },
  };
  if (href !== undefined) analysis.carry.href = href;

  for (const [type, detect] of CLICK_DETECTORS) {
    const context: ClickContext = {
      signals,
      clicks,
      isCovered: (index, untilMs) => ended || index < lastExit || coverageEndMs >= untilMs,
      isDecided: (index) => (signals[index] as ClickSignal).decided?.includes(type) ?? false,
    };
    const detection = detect(context);
    for (const index of detection.decided) {
      const click = signals[index] as ClickSignal;
      click.decided = [...(click.decided ?? []), type];
    }
    for (const { insight, anchor } of detection.insights) {
      const key = getInsightKey(insight);
      const json = JSON.stringify(insight);
      const before = previouslyReported[key];
      if (before === undefined) analysis.added.push(insight);
      else if (before !== json) analysis.updated.push(insight);
      reported.set(key, { json, anchor });
    }
  }

  const seenSlowFrames = new Set<string>();
  for (const insight of detectSlowFrames(batch.performance)) {
    const key = getInsightKey(insight);
    if (seenSlowFrames.has(key)) continue;
    seenSlowFrames.add(key);
    analysis.added.push(insight);
  }

  const keepFrom = clicks.find(
    (index) => ((signals[index] as ClickSignal).decided?.length ?? 0) < CLICK_DETECTORS.length,
  );
  if (keepFrom !== undefined && signals.length - keepFrom <= MAX_CARRY_SIGNALS) {
    analysis.carry.signals = signals.slice(keepFrom);
    for (const [key, { json, anchor }] of reported) {
      if (anchor >= keepFrom) analysis.carry.reported[key] = json;
    }
  }
  return analysis;
}

/**
 * Decides every click a session's carry still holds, as if the recording ended where it
 * stops: run when no batch has come for a while (the tab stayed idle after a click, or was
 * closed without its last batch getting through). Without it, a dead click followed by
 * nothing would wait forever for the batch that decides it.
 */
export function settleInsights(carry: InsightCarry): InsightAnalysis {
  return analyzeInsights(carry, { signals: [], performance: [], lastEventMs: carry.coverageEndMs, ended: true });
}

/** Reads a carry back from storage; anything unexpected reads as no carry (the batch is read alone). */
export function parseInsightCarry(value: unknown): InsightCarry | undefined {
  const carry = typeof value === 'string' ? safeParse(value) : value;
  if (typeof carry !== 'object' || carry === null) return undefined;
  const { v, signals, reported, href, coverageEndMs } = carry as Partial<InsightCarry>;
  if (v !== 1 || !Array.isArray(signals) || typeof reported !== 'object' || reported === null) return undefined;
  if (typeof coverageEndMs !== 'number') return undefined;
  return { v, signals, reported, coverageEndMs, ...(typeof href === 'string' ? { href } : {}) };
}

function safeParse(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

// detectors mark clicks as decided: the caller's signals stay as they were
function cloneSignal<T extends InsightSignal>(signal: T): T {
  return signal.kind === 'click' && signal.decided ? { ...signal, decided: [...signal.decided] } : { ...signal };
}
