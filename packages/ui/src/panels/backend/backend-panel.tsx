import { useMemo, useState } from 'preact/hooks';
import type { TraceSummary } from '../../api/api-types';
import { ExternalIcon } from '../../components/icons';
import { StatusMessage } from '../../components/status-message';
import { VirtualList } from '../../components/virtual-list';
import { formatDuration } from '../../format/format-duration';
import type { PlayerController } from '../../player/player-controller';
import { usePlayerState } from '../../player/use-player-state';
import { traceHref } from '../../routing/hrefs';
import { findCurrentIndex } from '../follow-playback';
import { PanelRow, placeRow, type RowPlacement } from '../panel-row';
import { useCurrentIndex, useFollowing } from '../use-current-index';
import { type BackendRow, buildBackendRows, type LogRow } from './backend-rows';
import { serviceColorSlot } from './service-color';
import { isSpanInFlight } from './spans-in-flight';

const ROW_HEIGHT = 26;

export interface BackendPanelProps {
  traces: readonly TraceSummary[] | undefined;
  logs: readonly LogRow[] | undefined;
  logsTruncated: boolean;
  /** Only the session's first 1000 traces came. */
  tracesTruncated?: boolean;
  sessionStartMs: number;
  controller: PlayerController;
  onSeek: (timeMs: number) => void;
}

/**
 * The session's traces as waterfalls on the replay's clock — spans running at the
 * playhead are lit — and its backend logs beneath.
 */
export function BackendPanel(props: BackendPanelProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(
    () => buildBackendRows(props.traces ?? [], props.sessionStartMs, collapsed),
    [props.traces, props.sessionStartMs, collapsed],
  );
  const headers = useMemo(() => rows.filter((row) => row.type === 'trace'), [rows]);
  const currentHeader = usePlayerState(props.controller, (state) => findCurrentIndex(headers, state.timeMs));
  const currentIndex = currentHeader < 0 ? -1 : rows.indexOf(headers[currentHeader] as BackendRow);
  const following = useFollowing(props.controller);
  // the set of lit spans as one string: re-render when it changes, not every frame
  const inFlightKey = usePlayerState(props.controller, (state) => {
    const epochMs = props.sessionStartMs + state.timeMs;
    const lit: string[] = [];
    for (const trace of props.traces ?? []) {
      for (const span of trace.spans) if (isSpanInFlight(span, epochMs)) lit.push(span.spanId);
    }
    return lit.join(',');
  });
  const inFlight = useMemo(() => new Set(inFlightKey === '' ? [] : inFlightKey.split(',')), [inFlightKey]);

  function toggle(traceId: string): void {
    const next = new Set(collapsed);
    if (next.has(traceId)) next.delete(traceId);
    else next.add(traceId);
    setCollapsed(next);
  }

  return (
    <div class="panel backend-panel">
      <div class="backend-traces">
        <div class="panel-subhead">
          Traces <span class="muted">{props.traces ? props.traces.length : '…'}</span>
          {props.tracesTruncated && <span class="muted"> (the first 1,000)</span>}
        </div>
        {props.traces === undefined ? (
          <StatusMessage title="Loading traces…" />
        ) : (
          <VirtualList
            label="Backend traces"
            rows={rows}
            rowHeight={ROW_HEIGHT}
            followIndex={currentIndex}
            follow={following}
            empty="No backend traces carry this session's ID."
            renderRow={(row, index) =>
              row.type === 'trace' ? (
                <TraceHeaderRow
                  row={row}
                  placement={placeTraceRow(index, row, currentIndex, rows[currentIndex])}
                  collapsed={collapsed.has(row.trace.traceId)}
                  onToggle={() => toggle(row.trace.traceId)}
                  onSeek={props.onSeek}
                />
              ) : (
                <SpanRow
                  row={row}
                  lit={inFlight.has(row.row.span.spanId)}
                  future={placeTraceRow(index, row, currentIndex, rows[currentIndex]) === 'future'}
                  onSeek={props.onSeek}
                />
              )
            }
          />
        )}
      </div>
      <div class="backend-logs">
        <div class="panel-subhead">
          Logs <span class="muted">{props.logs ? props.logs.length : '…'}</span>
          {props.logsTruncated && <span class="muted"> (first 5,000)</span>}
        </div>
        <LogList logs={props.logs} controller={props.controller} onSeek={props.onSeek} />
      </div>
    </div>
  );
}

/** A trace's rows share its placement: the current trace is lit, traces that start later are dimmed. */
function placeTraceRow(
  index: number,
  row: BackendRow,
  currentIndex: number,
  current: BackendRow | undefined,
): RowPlacement {
  if (currentIndex < 0 || !current) return 'future';
  if (row.trace === current.trace) return row.type === 'trace' ? 'current' : 'past';
  return index < currentIndex ? 'past' : 'future';
}

function TraceHeaderRow(props: {
  row: Extract<BackendRow, { type: 'trace' }>;
  placement: RowPlacement;
  collapsed: boolean;
  onToggle: () => void;
  onSeek: (timeMs: number) => void;
}) {
  const { trace } = props.row;
  return (
    <PanelRow
      timeMs={props.row.timeMs}
      placement={props.placement}
      tone={trace.errorCount > 0 ? 'error' : undefined}
      onSelect={() => props.onSeek(props.row.timeMs)}
      aside={
        <span class="row-aside trace-actions">
          <button
            type="button"
            class="icon-button"
            aria-label={props.collapsed ? 'Show spans' : 'Hide spans'}
            aria-expanded={!props.collapsed}
            onClick={props.onToggle}
          >
            {props.collapsed ? '▸' : '▾'}
          </button>
          <a class="trace-link" href={traceHref(trace.traceId)} title={`Open trace ${trace.traceId}`}>
            open <ExternalIcon />
          </a>
        </span>
      }
    >
      <span class="trace-name" title={trace.name}>
        {trace.name}
      </span>
      <span class="row-text muted">{trace.serviceName ?? ''}</span>
      {trace.errorCount > 0 && <span class="badge badge-error">{trace.errorCount} err</span>}
      <span class="net-duration">{formatDuration(trace.durationMs)}</span>
    </PanelRow>
  );
}

function SpanRow(props: {
  row: Extract<BackendRow, { type: 'span' }>;
  lit: boolean;
  future: boolean;
  onSeek: (timeMs: number) => void;
}) {
  const { span, depth, left, width } = props.row.row;
  return (
    <div
      class={`span-row ${props.lit ? 'is-lit' : ''} ${props.future ? 'is-future' : ''}`}
      data-testid="span-row"
      data-span-id={span.spanId}
    >
      <button type="button" class="row-main" onClick={() => props.onSeek(props.row.timeMs)}>
        <span
          class="span-name"
          style={{ paddingLeft: `${8 + depth * 10}px` }}
          title={`${span.name} · ${span.serviceName ?? ''}`}
        >
          {span.name}
        </span>
        <span class="span-track">
          <span
            class={`span-bar svc-${serviceColorSlot(span.serviceName)} ${span.statusCode === 'ERROR' ? 'is-error' : ''}`}
            style={{ left: `${left}%`, width: `${width}%` }}
          />
        </span>
        <span class="net-duration">{formatDuration(span.durationMs)}</span>
      </button>
    </div>
  );
}

function LogList(props: {
  logs: readonly LogRow[] | undefined;
  controller: PlayerController;
  onSeek: (timeMs: number) => void;
}) {
  const rows = props.logs ?? [];
  const current = useCurrentIndex(props.controller, rows);
  const following = useFollowing(props.controller);
  if (props.logs === undefined) return <StatusMessage title="Loading logs…" />;
  return (
    <VirtualList
      label="Backend logs"
      rows={rows}
      rowHeight={ROW_HEIGHT}
      followIndex={current}
      follow={following}
      empty="No backend logs carry this session's ID."
      renderRow={(row, index) => (
        <PanelRow
          timeMs={row.timeMs}
          placement={placeRow(index, current)}
          tone={row.severityNumber >= 17 ? 'error' : row.severityNumber >= 13 ? 'warn' : undefined}
          onSelect={() => props.onSeek(row.timeMs)}
          aside={
            row.traceId ? (
              <a class="row-aside trace-link" href={traceHref(row.traceId)} title={`Trace ${row.traceId}`}>
                trace <ExternalIcon />
              </a>
            ) : (
              <span class="row-aside" />
            )
          }
        >
          <span class={`level level-${severityClass(row.severityNumber)}`}>{row.severity.toLowerCase()}</span>
          <span class="row-text mono" title={`${row.serviceName ?? ''} ${row.body}`}>
            {row.body}
          </span>
        </PanelRow>
      )}
    />
  );
}

function severityClass(severityNumber: number): string {
  if (severityNumber >= 17) return 'error';
  if (severityNumber >= 13) return 'warn';
  if (severityNumber >= 9) return 'info';
  return 'debug';
}
