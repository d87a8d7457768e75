import { useEffect, useState } from 'preact/hooks';
import { AttributeTable } from '../../components/attribute-table';
import { ExternalIcon } from '../../components/icons';
import { VirtualList } from '../../components/virtual-list';
import { formatBytes } from '../../format/format-bytes';
import { formatClock, formatDuration } from '../../format/format-duration';
import type { PlayerController } from '../../player/player-controller';
import { traceHref } from '../../routing/hrefs';
import { findFocusedRow, type PanelFocus } from '../panel-focus';
import { PanelRow, placeRow } from '../panel-row';
import { useCurrentIndex, useFollowing } from '../use-current-index';
import { describeStatus, formatBody, type NetworkRow, shortenUrl } from './network-rows';

const ROW_HEIGHT = 26;

/**
 * Each request with method, URL, status and duration, and a link to the backend trace it
 * started. A `focus` (a failed-request marker was clicked) selects the request at its time.
 */
export function NetworkPanel(props: {
  rows: readonly NetworkRow[];
  controller: PlayerController;
  onSeek: (timeMs: number) => void;
  pageOrigin: string | undefined;
  focus?: PanelFocus | undefined;
}) {
  const current = useCurrentIndex(props.controller, props.rows);
  const following = useFollowing(props.controller);
  const [selected, setSelected] = useState<NetworkRow | undefined>(undefined);
  useEffect(() => {
    if (!props.focus) return;
    const row = findFocusedRow(
      props.rows,
      props.focus.timeMs,
      (candidate) => candidate.failed || candidate.status >= 500,
    );
    if (row) setSelected(row);
  }, [props.focus]);
  return (
    <div class="panel">
      <VirtualList
        label="Network"
        rows={props.rows}
        rowHeight={ROW_HEIGHT}
        followIndex={current}
        follow={following}
        revealIndex={selected ? props.rows.indexOf(selected) : -1}
        empty="No requests recorded."
        renderRow={(row, index) => (
          <PanelRow
            testId="network-row"
            timeMs={row.timeMs}
            placement={placeRow(index, current)}
            selected={row === selected}
            tone={row.failed ? 'error' : row.status >= 400 ? 'warn' : undefined}
            onSelect={() => {
              setSelected(row);
              props.onSeek(row.timeMs);
            }}
            aside={<TraceLink traceId={row.traceId} />}
          >
            <span class="net-method">{row.method}</span>
            <span class={`net-status ${statusClass(row)}`} title={row.failureReason}>
              {describeStatus(row)}
            </span>
            <span class="row-text mono" title={row.url}>
              {shortenUrl(row.url, props.pageOrigin)}
            </span>
            <span class="net-duration">{formatDuration(row.durationMs)}</span>
          </PanelRow>
        )}
      />
      {selected && (
        <div class="panel-detail">
          <div class="detail-head">
            <span class="net-method">{selected.method}</span>
            <span class={`net-status ${statusClass(selected)}`}>{describeStatus(selected)}</span>
            <span class="muted mono">{formatClock(selected.timeMs, true)}</span>
            <button type="button" class="link-button" onClick={() => setSelected(undefined)}>
              Close
            </button>
          </div>
          <dl class="detail-grid">
            <dt>URL</dt>
            <dd class="mono break">{selected.url}</dd>
            <dt>Duration</dt>
            <dd>{formatDuration(selected.durationMs)}</dd>
            <dt>Initiator</dt>
            <dd>{selected.initiator}</dd>
            {selected.requestBytes !== undefined && (
              <>
                <dt>Request</dt>
                <dd>{formatBytes(selected.requestBytes)}</dd>
              </>
            )}
            {selected.responseBytes !== undefined && (
              <>
                <dt>Response</dt>
                <dd>{formatBytes(selected.responseBytes)}</dd>
              </>
            )}
            {selected.failureReason && (
              <>
                <dt>Failure</dt>
                <dd>{selected.failureReason}</dd>
              </>
            )}
            <dt>Trace</dt>
            <dd>
              {selected.traceId ? (
                <a href={traceHref(selected.traceId)} class="mono">
                  {selected.traceId}
                </a>
              ) : (
                <span class="muted">none (not propagated to this origin)</span>
              )}
            </dd>
          </dl>
          <RequestDetails row={selected} />
        </div>
      )}
    </div>
  );
}

/** Headers and bodies, when the page allow-listed the URL for them; text only, never markup. */
function RequestDetails(props: { row: NetworkRow }) {
  const { row } = props;
  const captured = row.requestHeaders || row.responseHeaders || row.requestBody || row.responseBody;
  if (!captured) {
    return (
      <p class="muted small">
        Headers and bodies are recorded only for URLs in the recorder's network.captureBodiesFor.
      </p>
    );
  }
  return (
    <div data-testid="network-details">
      {row.requestHeaders && (
        <section>
          <h4 class="detail-title">Request headers</h4>
          <AttributeTable values={row.requestHeaders} />
        </section>
      )}
      {row.requestBody !== undefined && (
        <section>
          <h4 class="detail-title">Request body</h4>
          <pre class="detail-pre mono">{formatBody(row.requestBody)}</pre>
        </section>
      )}
      {row.responseHeaders && (
        <section>
          <h4 class="detail-title">Response headers</h4>
          <AttributeTable values={row.responseHeaders} />
        </section>
      )}
      {row.responseBody !== undefined && (
        <section>
          <h4 class="detail-title">Response body</h4>
          <pre class="detail-pre mono">{formatBody(row.responseBody)}</pre>
        </section>
      )}
    </div>
  );
}

function TraceLink(props: { traceId: string | undefined }) {
  if (!props.traceId) return <span class="row-aside" />;
  return (
    <a
      class="row-aside trace-link"
      data-testid="trace-link"
      href={traceHref(props.traceId)}
      title={`Backend trace ${props.traceId}`}
    >
      trace <ExternalIcon />
    </a>
  );
}

function statusClass(row: NetworkRow): string {
  if (row.failed) return 'is-failed';
  if (row.status >= 400) return 'is-client-error';
  return row.status === 0 ? '' : 'is-ok';
}
