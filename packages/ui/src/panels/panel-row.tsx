import type { ComponentChildren } from 'preact';
import { formatClock } from '../format/format-duration';

export type RowPlacement = 'past' | 'current' | 'future';

/** Where a row sits against the playhead: the current row is lit, rows still to come are dimmed. */
export function placeRow(index: number, currentIndex: number): RowPlacement {
  if (index === currentIndex) return 'current';
  return index < currentIndex ? 'past' : 'future';
}

export interface PanelRowProps {
  timeMs: number;
  placement: RowPlacement;
  selected?: boolean;
  tone?: 'error' | 'warn' | undefined;
  onSelect: () => void;
  children: ComponentChildren;
  /** After the seek button: links (a trace), which must not seek. */
  aside?: ComponentChildren;
  /** `data-testid` of the row, for end-to-end tests. */
  testId?: string;
}

/** One fixed-height row of a panel: clicking it seeks there and selects it. */
export function PanelRow(props: PanelRowProps) {
  const classes = ['panel-row', `is-${props.placement}`];
  if (props.selected) classes.push('is-selected');
  if (props.tone) classes.push(`tone-${props.tone}`);
  return (
    <div class={classes.join(' ')} data-testid={props.testId}>
      <button type="button" class="row-main" onClick={props.onSelect}>
        <span class="row-time">{formatClock(props.timeMs)}</span>
        {props.children}
      </button>
      {props.aside}
    </div>
  );
}
