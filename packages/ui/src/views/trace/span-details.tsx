import type { Span } from '../../api/api-types';
import { AttributeTable } from '../../components/attribute-table';
import { formatDuration } from '../../format/format-duration';
import { sessionHref } from '../../routing/hrefs';
import { replayOffsetOf } from './replay-offset';

/** One span: status, timing, the replay at its start, attributes, resource and events. */
export function SpanDetails(props: { span: Span; sessionId: string | null; sessionStartMs: number | undefined }) {
  const { span } = props;
  return (
    <div class="span-details">
      <h2 class="ellipsis" title={span.name}>
        {span.name}
      </h2>
      <dl class="detail-grid">
        <dt>Service</dt>
        <dd>{span.serviceName ?? '—'}</dd>
        <dt>Kind</dt>
        <dd>{span.kind}</dd>
        <dt>Status</dt>
        <dd class={span.statusCode === 'ERROR' ? 'tone-error' : ''}>
          {span.statusCode}
          {span.statusMessage ? ` — ${span.statusMessage}` : ''}
        </dd>
        <dt>Duration</dt>
        <dd>{formatDuration(span.durationMs)}</dd>
        <dt>Span ID</dt>
        <dd class="mono">{span.spanId}</dd>
      </dl>
      {props.sessionId && props.sessionStartMs !== undefined && (
        <p>
          <a class="button" href={sessionHref(props.sessionId, replayOffsetOf(span, props.sessionStartMs))}>
            ▶ Replay at this span
          </a>
        </p>
      )}
      <h3>Attributes</h3>
      <AttributeTable values={span.attributes} />
      <h3>Resource</h3>
      <AttributeTable values={span.resource} />
      {span.events.length > 0 && (
        <>
          <h3>Events</h3>
          <ul class="span-events">
            {span.events.map((event, index) => (
              <li key={`${event.name}-${index}`}>
                <strong>{event.name}</strong>
                {event.timeMs !== undefined && (
                  <span class="muted small"> +{formatDuration(event.timeMs - span.startTimeMs)}</span>
                )}
                <AttributeTable values={event.attributes} empty="" />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
