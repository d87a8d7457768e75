import {
  anchorInsight,
  type ClickContext,
  type ClickDetection,
  clickAt,
  collectTraceIds,
  signalsAfter,
} from './click-detector.js';
import { INSIGHT_RULES } from './insight.js';
import type { ErrorSignal, RequestSignal } from './signals.js';

const { errorClickWindowMs, requestSettleMs } = INSIGHT_RULES;

/**
 * Error clicks: a click followed within 1 s by an uncaught error (`sightline.error`), or
 * by a request started within 1 s that was answered with a status of 500 or more. An
 * error or a request belongs to the latest click before it (a double click that sent one
 * failing request is one error click). The finding carries the trace ids of those
 * requests and, as its detail, the first error's message or the first failing request.
 *
 * Reported as soon as the error is seen; the click stays open until the recording is 5 s
 * past the window, so a slower failing request still adds its trace id.
 */
export function detectErrorClicks(context: ClickContext): ClickDetection {
  const detection: ClickDetection = { insights: [], decided: [] };
  context.clicks.forEach((index, position) => {
    if (context.isDecided(index)) return;
    const click = clickAt(context, index);
    // the next click is always known before evidence that belongs to it: it was recorded first
    const nextIndex = context.clicks[position + 1] ?? Number.POSITIVE_INFINITY;
    const nextClickMs = Number.isFinite(nextIndex) ? clickAt(context, nextIndex).timeMs : Number.POSITIVE_INFINITY;
    const windowEndMs = click.timeMs + errorClickWindowMs;
    const errors: ErrorSignal[] = [];
    const failed: RequestSignal[] = [];
    for (const [at, signal] of signalsAfter(context.signals, index, windowEndMs + requestSettleMs)) {
      if (signal.kind === 'error' && signal.timeMs <= windowEndMs && at < nextIndex) errors.push(signal);
      else if (
        signal.kind === 'request' &&
        signal.status >= 500 &&
        signal.startMs >= click.timeMs &&
        signal.startMs <= windowEndMs &&
        signal.startMs < nextClickMs
      ) {
        failed.push(signal);
      }
    }
    if (errors.length > 0 || failed.length > 0) {
      const insight = anchorInsight('error-click', click);
      const traceIds = collectTraceIds(failed);
      if (traceIds.length > 0) insight.traceIds = traceIds;
      const detail = describeFirst(errors[0], failed[0]);
      if (detail) insight.detail = detail;
      detection.insights.push({ insight, anchor: index });
    }
    if (context.isCovered(index, windowEndMs + requestSettleMs)) detection.decided.push(index);
  });
  return detection;
}

function describeFirst(error: ErrorSignal | undefined, request: RequestSignal | undefined): string | undefined {
  if (error && (!request || error.timeMs <= request.timeMs)) return error.message ?? 'uncaught error';
  if (request) return [request.status, request.method, request.url].filter((part) => part !== undefined).join(' ');
  return undefined;
}
