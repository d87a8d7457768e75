import { VirtualList } from '../../components/virtual-list';
import { formatDuration } from '../../format/format-duration';
import { serviceColorSlot } from '../../panels/backend/service-color';
import type { WaterfallLayout } from '../../panels/backend/waterfall-layout';

const TICKS = [0, 0.25, 0.5, 0.75, 1];
/** `.waterfall-row`'s height in trace.css. */
const ROW_HEIGHT = 28;

type WaterfallRow = WaterfallLayout['rows'][number];

/**
 * The trace's spans on its own time axis; clicking a span shows its details. Only the rows
 * on screen are in the DOM: a batch job's trace of 50,000 spans would otherwise be 650,000
 * elements. The list is as tall as its rows, up to the window's height, then scrolls.
 */
export function TraceWaterfall(props: {
  layout: WaterfallLayout;
  selectedId: string | undefined;
  onSelect: (spanId: string) => void;
}) {
  const extent = props.layout.endMs - props.layout.startMs;
  return (
    <section class="waterfall" aria-label="Spans">
      <div class="waterfall-axis">
        <span class="waterfall-name-col">Span</span>
        <span class="waterfall-track-col">
          {TICKS.map((tick) => (
            <span key={tick} class="axis-tick" style={{ left: `${tick * 100}%` }}>
              {formatDuration(extent * tick)}
            </span>
          ))}
        </span>
      </div>
      <div class="waterfall-rows" style={{ height: `${props.layout.rows.length * ROW_HEIGHT}px` }}>
        <VirtualList
          rows={props.layout.rows}
          rowHeight={ROW_HEIGHT}
          label="Spans"
          renderRow={(row) => (
            <SpanRow row={row} selected={row.span.spanId === props.selectedId} onSelect={props.onSelect} />
          )}
        />
      </div>
    </section>
  );
}

function SpanRow(props: { row: WaterfallRow; selected: boolean; onSelect: (spanId: string) => void }) {
  const { row } = props;
  return (
    <button
      type="button"
      class={`waterfall-row ${props.selected ? 'is-selected' : ''}`}
      data-testid="waterfall-row"
      onClick={() => props.onSelect(row.span.spanId)}
    >
      <span class="waterfall-name-col" style={{ paddingLeft: `${8 + row.depth * 14}px` }}>
        <span class={`svc-dot svc-${serviceColorSlot(row.span.serviceName)}`} />
        <span class="ellipsis" title={row.span.name}>
          {row.span.name}
        </span>
        <span class="muted small ellipsis">{row.span.serviceName ?? ''}</span>
      </span>
      <span class="waterfall-track-col">
        {TICKS.map((tick) => (
          <span key={tick} class="grid-line" style={{ left: `${tick * 100}%` }} />
        ))}
        <span
          class={`span-bar svc-${serviceColorSlot(row.span.serviceName)} ${row.span.statusCode === 'ERROR' ? 'is-error' : ''}`}
          style={{ left: `${row.left}%`, width: `${row.width}%` }}
        />
        <span class={`bar-label label-${placeLabel(row.left, row.width)}`} style={labelStyle(row.left, row.width)}>
          {formatDuration(row.span.durationMs)}
        </span>
      </span>
    </button>
  );
}

type LabelSide = 'after' | 'before' | 'inside';

/** The duration goes after the bar when there is room, else before it, else inside it. */
function placeLabel(left: number, width: number): LabelSide {
  if (left + width <= 82) return 'after';
  return left >= 16 ? 'before' : 'inside';
}

function labelStyle(left: number, width: number): Record<string, string> {
  switch (placeLabel(left, width)) {
    case 'after':
      return { left: `${left + width}%` };
    case 'before':
      return { right: `${100 - left}%` };
    case 'inside':
      return { right: `${100 - left - width}%` };
  }
}
