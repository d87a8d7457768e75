import type { SessionSummary } from '../../api/api-types';
import { formatDateTime } from '../../format/format-date';
import { formatDuration } from '../../format/format-duration';
import { sessionHref } from '../../routing/hrefs';
import { readFrustrationCounts } from '../../sessions/session-counts';
import { DEFAULT_SESSION_SORT, type SessionSort } from '../../sessions/session-filters';
import { describeDevice } from '../session-replay/replay-header';

interface Column {
  label: string;
  title?: string;
  /** The sort a click on the header picks, given the current one; none for columns the server cannot sort by. */
  sortOnClick?: (current: SessionSort) => SessionSort;
  /** Sorts that show this column as the sorted one, with their arrow. */
  sortedBy?: Partial<Record<SessionSort, '↓' | '↑'>>;
  className?: string;
}

const COLUMNS: Column[] = [
  { label: 'User' },
  { label: 'First URL' },
  {
    label: 'Started',
    sortOnClick: (current) => (current === 'newest' ? 'oldest' : 'newest'),
    sortedBy: { newest: '↓', oldest: '↑' },
  },
  { label: 'Duration', sortOnClick: () => 'longest', sortedBy: { longest: '↓' }, className: 'num' },
  { label: 'Browser / OS' },
  {
    label: 'Errors',
    title: 'JavaScript errors / backend errors',
    sortOnClick: () => 'most-errors',
    sortedBy: { 'most-errors': '↓' },
    className: 'num',
  },
  { label: 'Failed requests', className: 'num' },
  { label: 'Rage / dead', title: 'Rage clicks / dead clicks', className: 'num' },
  { label: 'Pages', className: 'num' },
];

/** The session list: dense, sortable the ways the server sorts, each row a link to its replay. */
export function SessionsTable(props: {
  sessions: readonly SessionSummary[];
  sort: SessionSort | undefined;
  onSort: (sort: SessionSort) => void;
}) {
  const sort = props.sort ?? DEFAULT_SESSION_SORT;
  return (
    <table class="sessions-table">
      <thead>
        <tr>
          {COLUMNS.map((column) => {
            const arrow = column.sortedBy?.[sort];
            const { sortOnClick } = column;
            return (
              <th
                key={column.label}
                class={column.className}
                scope="col"
                title={column.title}
                aria-sort={arrow === undefined ? undefined : arrow === '↓' ? 'descending' : 'ascending'}
              >
                {sortOnClick ? (
                  <button
                    type="button"
                    class={`sort-button ${arrow ? 'is-sorted' : ''}`}
                    onClick={() => props.onSort(sortOnClick(sort))}
                  >
                    {column.label}
                    <span class="sort-arrow" aria-hidden="true">
                      {arrow ?? ''}
                    </span>
                  </button>
                ) : (
                  column.label
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {props.sessions.map((session) => (
          <SessionRow key={session.sessionId} session={session} />
        ))}
      </tbody>
    </table>
  );
}

function SessionRow(props: { session: SessionSummary }) {
  const { session } = props;
  const href = sessionHref(session.sessionId);
  const frustration = readFrustrationCounts(session);
  const jsErrors = session.jsErrorCount ?? 0;
  const failed = session.failedRequestCount ?? 0;
  return (
    <tr data-testid="session-row">
      <td class="cell-user">
        <a href={href} class="row-link">
          {session.userId ?? <span class="muted">anonymous</span>}
        </a>
        {!session.hasReplay && session.hasReplay !== undefined && <span class="badge">no replay</span>}
      </td>
      <td class="cell-url mono" title={session.firstUrl ?? ''}>
        {session.firstUrl ? shortUrl(session.firstUrl) : <span class="muted">—</span>}
      </td>
      <td class="nowrap">{formatDateTime(session.startedAtMs)}</td>
      <td class="num">{formatDuration(session.durationMs)}</td>
      <td class="nowrap">{describeDevice(session)}</td>
      <td class="num" title={`${jsErrors} JavaScript, ${session.errorCount} backend`}>
        <span class={jsErrors > 0 ? 'tone-error' : 'muted'}>{jsErrors}</span>
        <span class="muted"> / </span>
        <span class={session.errorCount > 0 ? 'tone-error' : 'muted'}>{session.errorCount}</span>
      </td>
      <td class={`num ${failed > 0 ? 'tone-error' : 'muted'}`}>{failed}</td>
      <td class={`num ${frustration && frustration.rage + frustration.dead > 0 ? 'tone-warn' : 'muted'}`}>
        {frustration ? `${frustration.rage} / ${frustration.dead}` : '—'}
      </td>
      <td class="num muted">{session.pageCount ?? '—'}</td>
    </tr>
  );
}

function shortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}
