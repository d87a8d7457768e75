import { anchorInsight, type ClickContext, type ClickDetection, clickAt, signalsAfter } from './click-detector.js';
import { INSIGHT_RULES } from './insight.js';
import type { InsightSignal } from './signals.js';

const { deadClickWindowMs, requestSettleMs } = INSIGHT_RULES;

/** Requests that show a click did something; `resource` loads are the page's own. */
const RESPONSE_INITIATORS: ReadonlySet<string> = new Set(['fetch', 'xhr', 'beacon', 'navigation']);

/**
 * Dead clicks: a click after which, within 1.5 s, the page shows no DOM change (mutation,
 * input value, media, snapshot), no navigation (history, hash, page load, a new URL) and
 * no request starts (fetch, XHR, beacon, or a document load — the start of a full-page
 * navigation).
 *
 * A response seen decides the click at once. Its absence is final only once the recording
 * is 5 s past the window: requests are recorded when they complete.
 */
export function detectDeadClicks(context: ClickContext): ClickDetection {
  const detection: ClickDetection = { insights: [], decided: [] };
  for (const index of context.clicks) {
    if (context.isDecided(index)) continue;
    const click = clickAt(context, index);
    const windowEndMs = click.timeMs + deadClickWindowMs;
    let responded = false;
    for (const [, signal] of signalsAfter(context.signals, index, windowEndMs + requestSettleMs)) {
      if (isResponse(signal, click.timeMs, windowEndMs)) {
        responded = true;
        break;
      }
    }
    if (responded) {
      detection.decided.push(index);
    } else if (context.coverageEndMs >= windowEndMs + requestSettleMs) {
      detection.insights.push({ insight: anchorInsight('dead-click', click), anchor: index });
      detection.decided.push(index);
    }
  }
  return detection;
}

function isResponse(signal: InsightSignal, clickMs: number, windowEndMs: number): boolean {
  switch (signal.kind) {
    case 'dom':
    case 'navigation':
      return signal.timeMs <= windowEndMs;
    case 'request':
      return RESPONSE_INITIATORS.has(signal.initiator) && signal.startMs >= clickMs && signal.startMs <= windowEndMs;
    default:
      return false;
  }
}
