import { anchorInsight, type ClickContext, type ClickDetection, clickAt } from './click-detector.js';
import { INSIGHT_RULES } from './insight.js';
import type { ClickSignal } from './signals.js';

const { rageClickMinClicks, rageClickWindowMs, rageClickRadiusPx } = INSIGHT_RULES;

/**
 * Rage clicks: a burst of consecutive clicks on one spot (within 30 px of the burst's
 * first click, or on the same node when a click has no coordinates), each at most 1 s
 * after the one before, holding 3 clicks within 1 s. One finding per burst, at its first
 * click, with the burst's click count and length.
 *
 * A burst is open while another click could still join it (the recording has not gone
 * 1 s past its last click); an open burst is reported as it stands and updated as it grows.
 */
export function detectRageClicks(context: ClickContext): ClickDetection {
  const detection: ClickDetection = { insights: [], decided: [] };
  const bursts: number[][] = [];
  let burst: number[] = [];
  for (const index of context.clicks) {
    // a decided click belongs to a burst already closed: nothing after it can join that burst
    if (context.isDecided(index)) {
      if (burst.length > 0) bursts.push(burst);
      burst = [];
      continue;
    }
    if (burst.length > 0 && continuesBurst(context, burst, index)) {
      burst.push(index);
    } else {
      if (burst.length > 0) bursts.push(burst);
      burst = [index];
    }
  }
  if (burst.length > 0) bursts.push(burst);

  const lastClick = context.clicks.at(-1);
  for (const members of bursts) {
    const first = clickAt(context, members[0] as number);
    const last = clickAt(context, members.at(-1) as number);
    // a later click that did not join closes the burst; so does a second without a click
    const lastMember = members.at(-1) as number;
    const closed = lastMember !== lastClick || context.isCovered(lastMember, last.timeMs + rageClickWindowMs);
    if (isRage(members.map((index) => clickAt(context, index)))) {
      detection.insights.push({
        insight: {
          ...anchorInsight('rage-click', first),
          count: members.length,
          durationMs: last.timeMs - first.timeMs,
        },
        anchor: members[0] as number,
      });
    }
    if (closed) detection.decided.push(...members);
  }
  return detection;
}

function continuesBurst(context: ClickContext, burst: readonly number[], index: number): boolean {
  const click = clickAt(context, index);
  const previous = clickAt(context, burst.at(-1) as number);
  return click.timeMs - previous.timeMs <= rageClickWindowMs && isSameSpot(clickAt(context, burst[0] as number), click);
}

function isSameSpot(a: ClickSignal, b: ClickSignal): boolean {
  if (a.x !== undefined && a.y !== undefined && b.x !== undefined && b.y !== undefined) {
    return Math.hypot(a.x - b.x, a.y - b.y) <= rageClickRadiusPx;
  }
  return a.targetId !== undefined && a.targetId === b.targetId;
}

function isRage(clicks: readonly ClickSignal[]): boolean {
  for (let i = 0; i + rageClickMinClicks - 1 < clicks.length; i++) {
    const first = clicks[i] as ClickSignal;
    const last = clicks[i + rageClickMinClicks - 1] as ClickSignal;
    if (last.timeMs - first.timeMs <= rageClickWindowMs) return true;
  }
  return false;
}
