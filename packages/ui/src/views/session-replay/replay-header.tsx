import type { ComponentChildren } from 'preact';
import type { SessionSummary } from '../../api/api-types';
import { formatDateTime } from '../../format/format-date';
import { formatDuration } from '../../format/format-duration';
import { countErrors } from '../../sessions/session-counts';

/** One dense line about the session: who, where, when, on what, and what went wrong. */
export function ReplayHeader(props: { sessionId: string; summary: SessionSummary | undefined }) {
  const { summary } = props;
  return (
    <header class="replay-header">
      <div class="replay-title">
        <h1>{summary?.userId ?? <span class="muted">Anonymous</span>}</h1>
        <span class="mono muted small" title="Session ID">
          {props.sessionId}
        </span>
      </div>
      {summary && (
        <dl class="replay-facts">
          <Fact label="Started">{formatDateTime(summary.startedAtMs)}</Fact>
          <Fact label="Duration">{formatDuration(summary.durationMs)}</Fact>
          {summary.activeMs !== undefined && <Fact label="Active">{formatDuration(summary.activeMs)}</Fact>}
          <Fact label="Browser">{describeDevice(summary)}</Fact>
          <Fact label="Pages">{summary.pageCount ?? summary.urls?.length ?? '—'}</Fact>
          <Fact label="Errors" tone={countErrors(summary) > 0 ? 'error' : undefined}>
            {summary.jsErrorCount ?? 0} JS · {summary.errorCount} backend
          </Fact>
          <Fact label="Failed requests" tone={(summary.failedRequestCount ?? 0) > 0 ? 'error' : undefined}>
            {summary.failedRequestCount ?? 0}
          </Fact>
          <Fact label="Traces">{summary.spanCount} spans</Fact>
        </dl>
      )}
    </header>
  );
}

function Fact(props: { label: string; tone?: 'error' | undefined; children: ComponentChildren }) {
  return (
    <div class={`fact ${props.tone === 'error' ? 'tone-error' : ''}`}>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

export function describeDevice(summary: SessionSummary): string {
  const browser = [summary.browser, summary.browserVersion?.split('.')[0]].filter(Boolean).join(' ');
  const parts = [
    browser,
    summary.os,
    summary.deviceType && summary.deviceType !== 'desktop' ? summary.deviceType : undefined,
  ];
  const text = parts.filter(Boolean).join(' · ');
  return text === '' ? '—' : text;
}
