import { useMemo, useState } from 'preact/hooks';
import type { Span, TraceDetail } from '../../api/api-types';
import { getSession } from '../../api/sessions-api';
import { getTrace } from '../../api/traces-api';
import { useServices } from '../../app/app-services';
import { useResource } from '../../app/use-resource';
import { describeError, StatusMessage } from '../../components/status-message';
import { formatDateTime } from '../../format/format-date';
import { formatDuration } from '../../format/format-duration';
import { layoutWaterfall } from '../../panels/backend/waterfall-layout';
import { sessionHref, sessionsHref } from '../../routing/hrefs';
import { backendSessionStartMs } from '../../timeline/session-time';
import { replayOffsetOf } from './replay-offset';
import { SpanDetails } from './span-details';
import { TraceLogs } from './trace-logs';
import { TraceWaterfall } from './trace-waterfall';
import './trace.css';

/** `/traces/:traceId`: the span waterfall, the trace's logs, and the way back to the replay. */
export function TraceView(props: { traceId: string }) {
  const { client } = useServices();
  const trace = useResource(props.traceId, (signal) => getTrace(client, props.traceId, signal));
  if (trace.status === 'loading') return <StatusMessage title="Loading the trace…" />;
  if (trace.status === 'error') {
    return (
      <StatusMessage title="This trace could not be opened" tone="error">
        <p>{describeError(trace.error)}</p>
        <p>
          <a href={sessionsHref()}>Back to sessions</a>
        </p>
      </StatusMessage>
    );
  }
  return <TraceLoaded trace={trace.data} />;
}

function TraceLoaded(props: { trace: TraceDetail }) {
  const { client } = useServices();
  const { trace } = props;
  const sessionId = trace.sessionId ?? trace.spans.find((span) => span.sessionId)?.sessionId ?? null;
  const session = useResource(sessionId ?? '', (signal) =>
    sessionId ? getSession(client, sessionId, signal) : Promise.resolve(undefined),
  );
  // on the backend's clock, so span start − session start is a moment of the replay even
  // when the user's computer clock was off
  const sessionStartMs = session.status === 'success' && session.data ? backendSessionStartMs(session.data) : undefined;
  const layout = useMemo(() => layoutWaterfall(trace.spans), [trace.spans]);
  const [selectedId, setSelectedId] = useState<string | undefined>(layout.rows[0]?.span.spanId);
  const selected: Span | undefined = trace.spans.find((span) => span.spanId === selectedId) ?? layout.rows[0]?.span;
  const root = layout.rows[0]?.span;
  const replayOffset = root && sessionStartMs !== undefined ? replayOffsetOf(root, sessionStartMs) : undefined;

  return (
    <div class="trace-page">
      <header class="trace-header">
        <div class="trace-title">
          <h1>{trace.name}</h1>
          <span class="mono muted small">{trace.traceId}</span>
        </div>
        <dl class="replay-facts">
          <div class="fact">
            <dt>Service</dt>
            <dd>{trace.serviceName ?? '—'}</dd>
          </div>
          <div class="fact">
            <dt>Started</dt>
            <dd>{formatDateTime(trace.startTimeMs)}</dd>
          </div>
          <div class="fact">
            <dt>Duration</dt>
            <dd>{formatDuration(trace.durationMs)}</dd>
          </div>
          <div class="fact">
            <dt>Spans</dt>
            <dd>{trace.spanCount}</dd>
          </div>
          <div class={`fact ${trace.errorCount > 0 ? 'tone-error' : ''}`}>
            <dt>Errors</dt>
            <dd>{trace.errorCount}</dd>
          </div>
        </dl>
        <div class="trace-actions-bar">
          {sessionId ? (
            <a class="button primary" href={sessionHref(sessionId, replayOffset)} data-testid="watch-replay">
              ▶ Watch the replay at this moment
            </a>
          ) : (
            <span class="muted small">No session ID on this trace: no replay to show.</span>
          )}
          {sessionId && (
            <a class="small" href={sessionHref(sessionId)}>
              Session {sessionId.slice(0, 8)}…
            </a>
          )}
        </div>
      </header>
      <div class="trace-body">
        <div class="trace-main">
          <TraceWaterfall layout={layout} selectedId={selected?.spanId} onSelect={setSelectedId} />
          <TraceLogs logs={trace.logs} traceStartMs={trace.startTimeMs} />
        </div>
        <aside class="trace-aside">
          {selected && <SpanDetails span={selected} sessionId={sessionId} sessionStartMs={sessionStartMs} />}
        </aside>
      </div>
    </div>
  );
}
