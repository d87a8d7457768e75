import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { computeVisibleRange, scrollTopToReveal } from '../panels/visible-range';

export interface VirtualListProps<T> {
  rows: readonly T[];
  rowHeight: number;
  renderRow: (row: T, index: number) => ComponentChildren;
  /** The row to keep in view (the one playback is at), or -1. */
  followIndex?: number;
  /** Off while the user scrolls the list by hand, so the panel does not fight them. */
  follow?: boolean;
  /** A row to bring into view once, when it changes (the row a marker selected), following or not. */
  revealIndex?: number;
  empty?: ComponentChildren;
  label: string;
}

/**
 * A fixed-row-height list that renders only what is on screen, in a box of fixed height
 * with its own scroll: panels follow playback by scrolling themselves, never the page.
 */
export function VirtualList<T>(props: VirtualListProps<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    setHeight(element.clientHeight);
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = viewport.current;
    if (!element || props.follow === false || props.followIndex === undefined) return;
    const target = scrollTopToReveal(props.followIndex, element.scrollTop, element.clientHeight, props.rowHeight);
    if (target !== undefined) element.scrollTop = target;
  }, [props.followIndex, props.follow, props.rowHeight]);

  useEffect(() => {
    const element = viewport.current;
    if (!element || props.revealIndex === undefined) return;
    const target = scrollTopToReveal(props.revealIndex, element.scrollTop, element.clientHeight, props.rowHeight);
    if (target !== undefined) element.scrollTop = target;
  }, [props.revealIndex, props.rowHeight]);

  if (props.rows.length === 0) return <div class="list-empty">{props.empty ?? 'Nothing here.'}</div>;

  const range = computeVisibleRange(scrollTop, height, props.rowHeight, props.rows.length);
  const items: ComponentChildren[] = [];
  for (let index = range.start; index < range.end; index += 1) {
    const row = props.rows[index];
    if (row === undefined) continue;
    items.push(
      <li
        key={index}
        class="virtual-row"
        style={{ transform: `translateY(${index * props.rowHeight}px)`, height: `${props.rowHeight}px` }}
      >
        {props.renderRow(row, index)}
      </li>,
    );
  }
  return (
    <div ref={viewport} class="virtual-list" onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      <ul
        class="virtual-spacer"
        aria-label={props.label}
        style={{ height: `${props.rows.length * props.rowHeight}px` }}
      >
        {items}
      </ul>
    </div>
  );
}
