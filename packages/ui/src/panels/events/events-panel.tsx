import { useState } from 'preact/hooks';
import { VirtualList } from '../../components/virtual-list';
import type { PlayerController } from '../../player/player-controller';
import { PanelRow, placeRow } from '../panel-row';
import { useCurrentIndex, useFollowing } from '../use-current-index';
import type { EventRow } from './event-rows';

const ROW_HEIGHT = 26;

/** The user's actions and page changes, following the playhead. */
export function EventsPanel(props: {
  rows: readonly EventRow[];
  controller: PlayerController;
  onSeek: (timeMs: number) => void;
}) {
  const current = useCurrentIndex(props.controller, props.rows);
  const following = useFollowing(props.controller);
  const [selected, setSelected] = useState<EventRow | undefined>(undefined);
  return (
    <div class="panel">
      <VirtualList
        label="Events"
        rows={props.rows}
        rowHeight={ROW_HEIGHT}
        followIndex={current}
        follow={following}
        empty="No clicks, inputs or page changes recorded yet."
        renderRow={(row, index) => (
          <PanelRow
            timeMs={row.timeMs}
            placement={placeRow(index, current)}
            selected={row === selected}
            tone={row.kind === 'dropped' ? 'warn' : undefined}
            onSelect={() => {
              setSelected(row);
              props.onSeek(row.timeMs);
            }}
          >
            <span class={`pill pill-${row.kind}`}>{row.title}</span>
            <span class="row-text" title={row.detail}>
              {row.detail}
            </span>
          </PanelRow>
        )}
      />
    </div>
  );
}
