import {
  anchorInsight,
  type ClickContext,
  type ClickDetection,
  clickAt,
  collectTraceIds,
  signalsAfter,
} from './click-detector.js';
import { INSIGHT_RULES } from './insight.js';
import type { RequestSignal } from './signals.js';

const { doubleSubmitGapMs, requestAttributionMs, requestSettleMs } = INSIGHT_RULES;

/** A click of a run, with the requests it sent. */
interface RunMember {
  index: number;
  requests: RequestSignal[];
}

/** What an app sends when it submits; document loads and resources are not a submit. */
const SUBMIT_INITIATORS: ReadonlySet<string> = new Set(['fetch', 'xhr', 'beacon']);

/**
 * Double submits (the race condition of a double-clicked "Place order"): consecutive clicks
 * on the same element, each at most 500 ms after the one before, each of which sent a
 * request. A request is sent by the latest click before it started, if that click was at
 * most 1 s before. One finding per run of such clicks, at its first click, with the
 * run's click count and the trace ids of all their requests.
 *
 * A run is reported once no later click can take its requests (the recording is 1 s past
 * its last click) and stays open until 5 s more have passed, so a slow request still adds
 * its trace id (or a click's late request extends the run).
 */
export function detectDoubleSubmits(context: ClickContext): ClickDetection {
  const detection: ClickDetection = { insights: [], decided: [] };
  const horizonMs = doubleSubmitGapMs + requestAttributionMs + requestSettleMs;
  const isFinal = (index: number) => context.isCovered(index, clickAt(context, index).timeMs + horizonMs);

  const flush = (run: readonly RunMember[]) => {
    if (run.length === 0) return;
    const first = run[0] as RunMember;
    const last = run.at(-1) as RunMember;
    const lastClick = clickAt(context, last.index);
    if (run.length >= 2 && context.isCovered(last.index, lastClick.timeMs + requestAttributionMs)) {
      const firstClick = clickAt(context, first.index);
      const requests = run.flatMap((member) => member.requests);
      const insight = {
        ...anchorInsight('double-submit', firstClick),
        count: run.length,
        durationMs: lastClick.timeMs - firstClick.timeMs,
      };
      const traceIds = collectTraceIds(requests);
      const request = requests[0] as RequestSignal;
      detection.insights.push({
        insight: {
          ...insight,
          ...(traceIds.length > 0 ? { traceIds } : {}),
          detail: [request.method, request.url].filter((part) => part !== undefined).join(' ') || request.initiator,
        },
        anchor: first.index,
      });
    }
    // a run is decided as a whole: deciding its head alone would let its tail start another run
    if (isFinal(last.index)) detection.decided.push(...run.map((member) => member.index));
  };

  let run: RunMember[] = [];
  context.clicks.forEach((index, position) => {
    if (context.isDecided(index)) {
      flush(run);
      run = [];
      return;
    }
    const click = clickAt(context, index);
    const next = context.clicks[position + 1];
    const requests = findRequestsSentBy(context, index, next === undefined ? undefined : clickAt(context, next).timeMs);
    const previous = run.at(-1);
    const joins =
      previous !== undefined &&
      requests.length > 0 &&
      click.targetId !== undefined &&
      click.targetId === clickAt(context, previous.index).targetId &&
      click.timeMs - clickAt(context, previous.index).timeMs <= doubleSubmitGapMs;
    if (joins) {
      run.push({ index, requests });
      return;
    }
    flush(run);
    run = [];
    if (requests.length > 0) run.push({ index, requests });
    else if (isFinal(index)) detection.decided.push(index);
  });
  flush(run);
  return detection;
}

/** Requests started from the click until 1 s later or the next click, whichever comes first. */
function findRequestsSentBy(context: ClickContext, index: number, nextClickMs: number | undefined): RequestSignal[] {
  const click = clickAt(context, index);
  const requests: RequestSignal[] = [];
  for (const [, signal] of signalsAfter(
    context.signals,
    index,
    click.timeMs + requestAttributionMs + requestSettleMs,
  )) {
    if (
      signal.kind === 'request' &&
      SUBMIT_INITIATORS.has(signal.initiator) &&
      signal.startMs >= click.timeMs &&
      signal.startMs <= click.timeMs + requestAttributionMs &&
      (nextClickMs === undefined || signal.startMs < nextClickMs)
    ) {
      requests.push(signal);
    }
  }
  return requests;
}
