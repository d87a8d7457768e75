import { useEffect, useMemo, useState } from 'preact/hooks';
import { VirtualList } from '../../components/virtual-list';
import { formatClock } from '../../format/format-duration';
import type { PlayerController } from '../../player/player-controller';
import { findFocusedRow, type PanelFocus } from '../panel-focus';
import { PanelRow, placeRow } from '../panel-row';
import { useCurrentIndex, useFollowing } from '../use-current-index';
import { type ConsoleFilter, type ConsoleRow, matchesConsoleFilter } from './console-rows';

const ROW_HEIGHT = 26;
const LEVEL_LABELS: Record<ConsoleRow['level'], string> = {
  log: 'log',
  info: 'info',
  debug: 'debug',
  warn: 'warn',
  error: 'error',
  exception: 'uncaught',
};

/**
 * The page's console and uncaught errors; the selected error shows its stack below the
 * list. A `focus` (an error marker was clicked) selects the error at its time.
 */
export function ConsolePanel(props: {
  rows: readonly ConsoleRow[];
  controller: PlayerController;
  onSeek: (timeMs: number) => void;
  focus?: PanelFocus | undefined;
}) {
  const [filter, setFilter] = useState<ConsoleFilter>('all');
  const [selected, setSelected] = useState<ConsoleRow | undefined>(undefined);
  const rows = useMemo(() => props.rows.filter((row) => matchesConsoleFilter(row, filter)), [props.rows, filter]);
  useEffect(() => {
    if (!props.focus) return;
    const row = findFocusedRow(props.rows, props.focus.timeMs, (candidate) => candidate.level === 'exception');
    if (!row) return;
    setSelected(row);
    if (!matchesConsoleFilter(row, filter)) setFilter('all');
  }, [props.focus]);
  const current = useCurrentIndex(props.controller, rows);
  const following = useFollowing(props.controller);
  return (
    <div class="panel">
      <div class="panel-toolbar">
        <fieldset class="segmented small">
          <legend class="visually-hidden">Console levels</legend>
          {(['all', 'problems', 'errors'] as const).map((option) => (
            <button
              key={option}
              type="button"
              class={option === filter ? 'is-active' : ''}
              aria-pressed={option === filter}
              onClick={() => setFilter(option)}
            >
              {option === 'all' ? 'All' : option === 'problems' ? 'Warnings & errors' : 'Errors'}
            </button>
          ))}
        </fieldset>
      </div>
      <VirtualList
        label="Console"
        rows={rows}
        rowHeight={ROW_HEIGHT}
        followIndex={current}
        follow={following}
        revealIndex={selected ? rows.indexOf(selected) : -1}
        empty="Nothing was logged."
        renderRow={(row, index) => (
          <PanelRow
            testId="console-row"
            timeMs={row.timeMs}
            placement={placeRow(index, current)}
            selected={row === selected}
            tone={
              row.level === 'error' || row.level === 'exception' ? 'error' : row.level === 'warn' ? 'warn' : undefined
            }
            onSelect={() => {
              setSelected(row);
              props.onSeek(row.timeMs);
            }}
          >
            <span class={`level level-${row.level}`}>{LEVEL_LABELS[row.level]}</span>
            <span class="row-text mono" title={row.message}>
              {row.message}
            </span>
          </PanelRow>
        )}
      />
      {selected && (
        <div class="panel-detail" data-testid="console-detail">
          <div class="detail-head">
            <span class={`level level-${selected.level}`}>{LEVEL_LABELS[selected.level]}</span>
            <span class="muted mono">{formatClock(selected.timeMs, true)}</span>
            {selected.location && <span class="muted mono ellipsis">{selected.location}</span>}
            <button type="button" class="link-button" onClick={() => setSelected(undefined)}>
              Close
            </button>
          </div>
          <pre class="detail-pre">{selected.stack ?? selected.message}</pre>
        </div>
      )}
    </div>
  );
}
