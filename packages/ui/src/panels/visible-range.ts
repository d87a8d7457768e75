export interface VisibleRange {
  /** First row to render (inclusive). */
  start: number;
  /** Last row to render (exclusive). */
  end: number;
}

/**
 * Which rows of a fixed-row-height list are on screen, with `overscan` rows either side,
 * so a panel of 50,000 rows renders only a few dozen.
 */
export function computeVisibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  rowCount: number,
  overscan = 8,
): VisibleRange {
  if (rowCount <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  return {
    start: Math.max(0, Math.min(rowCount, first - overscan)),
    end: Math.min(rowCount, first + visible + overscan),
  };
}

/**
 * The scrollTop that brings row `index` into view, keeping it a few rows from the edges;
 * undefined when it is already comfortably visible (no scroll, so the user's reading
 * position is kept).
 */
export function scrollTopToReveal(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  margin = 2,
): number | undefined {
  if (index < 0) return undefined;
  const rowTop = index * rowHeight;
  const low = scrollTop + margin * rowHeight;
  const high = scrollTop + viewportHeight - (margin + 1) * rowHeight;
  if (rowTop >= low && rowTop <= high) return undefined;
  return Math.max(0, rowTop - Math.floor(viewportHeight / 2) + rowHeight);
}
