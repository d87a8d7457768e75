import type { Span } from '../../api/api-types';

/** A span placed in its trace's waterfall. */
export interface WaterfallRow {
  span: Span;
  /** Nesting under its ancestors present in the trace (0 for a root or an orphan). */
  depth: number;
  /** Start, ms after the trace's first span started. */
  offsetMs: number;
  /** Bar position and width, 0–100 (% of the trace's extent). */
  left: number;
  width: number;
}

export interface WaterfallLayout {
  rows: WaterfallRow[];
  startMs: number;
  endMs: number;
}

/** Bars never thinner than this (% of the width), so a 0.1 ms span still shows. */
const MIN_BAR_WIDTH = 0.3;

/**
 * Lays out a trace's spans as a waterfall: each span under its parent, siblings by start
 * time, bars on the trace's own time axis. A span whose parent is missing (not exported,
 * another service) starts a tree of its own; a parent cycle cannot loop.
 */
export function layoutWaterfall(spans: readonly Span[]): WaterfallLayout {
  if (spans.length === 0) return { rows: [], startMs: 0, endMs: 0 };
  const startMs = Math.min(...spans.map((span) => span.startTimeMs));
  const endMs = Math.max(...spans.map((span) => Math.max(span.endTimeMs, span.startTimeMs)));
  const extent = Math.max(endMs - startMs, 1e-3);
  const byId = new Map(spans.map((span) => [span.spanId, span]));
  const children = new Map<string, Span[]>();
  const roots: Span[] = [];
  for (const span of spans) {
    const parentId = span.parentSpanId;
    if (parentId && parentId !== span.spanId && byId.has(parentId)) {
      const siblings = children.get(parentId) ?? [];
      siblings.push(span);
      children.set(parentId, siblings);
    } else {
      roots.push(span);
    }
  }
  const byStart = (a: Span, b: Span) => a.startTimeMs - b.startTimeMs || a.name.localeCompare(b.name);
  const rows: WaterfallRow[] = [];
  const visited = new Set<string>();
  const stack: { span: Span; depth: number }[] = [...roots]
    .sort(byStart)
    .reverse()
    .map((span) => ({ span, depth: 0 }));
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item || visited.has(item.span.spanId)) continue;
    visited.add(item.span.spanId);
    rows.push(placeRow(item.span, item.depth, startMs, extent));
    const kids = [...(children.get(item.span.spanId) ?? [])].sort(byStart).reverse();
    for (const kid of kids) stack.push({ span: kid, depth: item.depth + 1 });
  }
  // spans only reachable through a cycle: show them flat rather than lose them
  for (const span of [...spans].sort(byStart)) {
    if (!visited.has(span.spanId)) rows.push(placeRow(span, 0, startMs, extent));
  }
  return { rows, startMs, endMs };
}

function placeRow(span: Span, depth: number, startMs: number, extent: number): WaterfallRow {
  const offsetMs = span.startTimeMs - startMs;
  const width = Math.min(100, Math.max(MIN_BAR_WIDTH, (Math.max(0, span.durationMs) / extent) * 100));
  // a bar that would overflow the end (an instant at the very end) is drawn ending there
  const left = Math.max(0, Math.min(100 - width, (offsetMs / extent) * 100));
  return { span, depth, offsetMs, left, width };
}
