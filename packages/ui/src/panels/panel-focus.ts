import type { MarkerKind } from '../timeline/timeline-marker';
import { findCurrentIndex, type Timed } from './follow-playback';

/** The tabs beside the player. */
export type PanelName = 'events' | 'console' | 'network' | 'backend';

/**
 * A request to show one panel on the row at a moment: a timeline marker was clicked.
 * A new object per click, so clicking the same marker again focuses again.
 */
export interface PanelFocus {
  panel: PanelName;
  /** Milliseconds from the session start: the marker's time. */
  timeMs: number;
}

/** The panel that explains a marker: an error is read in the Console, a failed request in Network. */
const PANEL_OF_MARKER: Partial<Record<MarkerKind, PanelName>> = {
  error: 'console',
  'failed-request': 'network',
};

/** The focus a click on a marker of `kind` at `timeMs` asks for, or undefined when no panel has more to say. */
export function focusForMarker(kind: MarkerKind, timeMs: number): PanelFocus | undefined {
  const panel = PANEL_OF_MARKER[kind];
  return panel === undefined ? undefined : { panel, timeMs };
}

/**
 * The row a focus lands on: the first row at exactly `timeMs` that `accept`s (the marker's
 * own row: an error, not the console line logged in the same millisecond), else the row
 * the playhead is at. Rows must be sorted by time. Undefined when there is none.
 */
export function findFocusedRow<T extends Timed>(
  rows: readonly T[],
  timeMs: number,
  accept: (row: T) => boolean,
): T | undefined {
  const last = findCurrentIndex(rows, timeMs);
  if (last < 0) return undefined;
  let first = last;
  while (first > 0 && (rows[first - 1] as T).timeMs === timeMs) first -= 1;
  for (let index = first; index <= last; index += 1) {
    const row = rows[index] as T;
    if (row.timeMs === timeMs && accept(row)) return row;
  }
  return rows[last];
}
