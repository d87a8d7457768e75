import { anchorInsight, type ClickContext, type ClickDetection, clickAt, signalsAfter } from './click-detector.js';
import { INSIGHT_RULES } from './insight.js';
import type { InsightSignal } from './signals.js';

const { deadClickWindowMs, requestSettleMs, submitAfterClickMs } = INSIGHT_RULES;

/** Requests that show a click did something; `resource` loads are the page's own. */
const RESPONSE_INITIATORS: ReadonlySet<string> = new Set(['fetch', 'xhr', 'beacon', 'navigation']);

/**
 * Dead clicks: a click after which, within 1.5 s, the page shows no DOM change (mutation,
 * input value, media, snapshot), no navigation (history, hash, page load, a new URL) and
 * no request starts (fetch, XHR, beacon, or a document load — the start of a full-page
 * navigation), and the page is not left.
 *
 * A click that submitted a form asked for a request: for it only a request or a navigation
 * counts as an answer, not a DOM change — a validation toast that vanishes after 2 s is the
 * article's "invisible error", a submit that went nowhere. Its insight says so in `detail`.
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
    const following = [...signalsAfter(context.signals, index, windowEndMs + requestSettleMs)];
    const submitted = following.some(
      ([, signal]) => signal.kind === 'submit' && signal.timeMs - click.timeMs <= submitAfterClickMs,
    );
    let responded = false;
    for (const [, signal] of following) {
      if (isResponse(signal, click.timeMs, windowEndMs, submitted)) {
        responded = true;
        break;
      }
    }
    if (responded) {
      detection.decided.push(index);
    } else if (context.isCovered(index, windowEndMs + requestSettleMs)) {
      const insight = anchorInsight('dead-click', click);
      if (submitted) insight.detail = 'form submit sent no request';
      detection.insights.push({ insight, anchor: index });
      detection.decided.push(index);
    }
  }
  return detection;
}

function isResponse(signal: InsightSignal, clickMs: number, windowEndMs: number, submitted: boolean): boolean {
  switch (signal.kind) {
    case 'dom':
      return !submitted && signal.timeMs <= windowEndMs;
    case 'navigation':
    case 'exit':
      return signal.timeMs <= windowEndMs;
    case 'request':
      return RESPONSE_INITIATORS.has(signal.initiator) && signal.startMs >= clickMs && signal.startMs <= windowEndMs;
    default:
      return false;
  }
}
