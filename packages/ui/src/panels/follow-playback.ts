/** Anything shown on the session clock. */
export interface Timed {
  /** Milliseconds from the session start. */
  timeMs: number;
}

/**
 * The row the playback is at: the last one whose time is at or before `timeMs`, or -1
 * before the first. Rows must be sorted by time (binary search: panels follow the
 * playhead every frame).
 */
export function findCurrentIndex(rows: readonly Timed[], timeMs: number): number {
  let low = 0;
  let high = rows.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const row = rows[middle];
    if (row === undefined) break;
    if (row.timeMs <= timeMs) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** Sorts by time, keeping the recorded order of rows at the same time. Returns a new array. */
export function sortByTime<T extends Timed>(rows: readonly T[]): T[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => a.row.timeMs - b.row.timeMs || a.index - b.index)
    .map(({ row }) => row);
}
