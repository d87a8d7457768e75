import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SessionSummary } from '../../api/api-types';
import { useServices } from '../../app/app-services';
import { useLocation } from '../../app/use-location';
import { describeError, StatusMessage } from '../../components/status-message';
import { sessionsHref } from '../../routing/hrefs';
import { parseSessionFilters, serializeSessionFilters } from '../../routing/session-filters-url';
import { hasActiveFilters, type SessionFilters } from '../../sessions/session-filters';
import { sortSessions } from '../../sessions/sort-sessions';
import { searchSessions } from './search-sessions';
import { SessionFiltersBar } from './session-filters-bar';
import { SessionsTable } from './sessions-table';
import './sessions-list.css';

interface ListState {
  /** The search these sessions answer: a state for another search is never shown. */
  key: string;
  sessions: SessionSummary[];
  nextCursor: string | null;
  status: 'loading' | 'idle' | 'more' | 'error';
  error?: unknown;
}

/** `/sessions`: the searchable, sortable, paged session list; the search lives in the URL. */
export function SessionsListView() {
  const { client, location: locationStore } = useServices();
  const location = useLocation();
  const filters = useMemo(() => parseSessionFilters(location.search), [location.search]);
  const searchKey = serializeSessionFilters(filters).toString();
  const [loaded, setState] = useState<ListState>({ key: searchKey, sessions: [], nextCursor: null, status: 'loading' });
  const [pageCursor, setPageCursor] = useState<{ key: string; cursor: string | null }>({
    key: searchKey,
    cursor: null,
  });
  const cursor = pageCursor.key === searchKey ? pageCursor.cursor : null;
  const state: ListState =
    loaded.key === searchKey ? loaded : { key: searchKey, sessions: [], nextCursor: null, status: 'loading' };

  useEffect(() => {
    const controller = new AbortController();
    searchSessions(client, filters, { cursor, signal: controller.signal }).then(
      (page) => {
        if (controller.signal.aborted) return;
        setState((previous) => ({
          key: searchKey,
          sessions:
            cursor === null || previous.key !== searchKey ? page.sessions : [...previous.sessions, ...page.sessions],
          nextCursor: page.nextCursor,
          status: 'idle',
        }));
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((previous) =>
          previous.key === searchKey
            ? { ...previous, status: 'error', error }
            : { key: searchKey, sessions: [], nextCursor: null, status: 'error', error },
        );
      },
    );
    return () => controller.abort();
  }, [searchKey, cursor]);

  const sessions = useMemo(() => sortSessions(state.sessions, filters.sort), [state.sessions, filters.sort]);
  const apply = (next: SessionFilters) => locationStore.navigate(sessionsHref(next), { replace: true });

  return (
    <div class="sessions-page">
      <div class="page-head">
        <h1>Sessions</h1>
        <span class="muted small">
          {state.status === 'loading' ? 'Searching…' : `${sessions.length}${state.nextCursor ? '+' : ''} sessions`}
        </span>
      </div>
      <SessionFiltersBar filters={filters} onChange={apply} />
      {state.status === 'error' && state.sessions.length === 0 ? (
        <StatusMessage title="The sessions could not be loaded" tone="error">
          <p>{describeError(state.error)}</p>
        </StatusMessage>
      ) : sessions.length === 0 && state.status !== 'loading' ? (
        <StatusMessage title={hasActiveFilters(filters) ? 'No session matches this search' : 'No sessions yet'}>
          {!hasActiveFilters(filters) && (
            <p>
              Add the recorder to a page: <code>{'<script src="/sightline.js" data-key="…" async></script>'}</code>
            </p>
          )}
        </StatusMessage>
      ) : (
        <div class="table-scroll">
          <SessionsTable sessions={sessions} sort={filters.sort} onSort={(sort) => apply({ ...filters, sort })} />
        </div>
      )}
      <div class="list-foot">
        {state.nextCursor !== null && state.status !== 'loading' && (
          <button
            type="button"
            class="button"
            disabled={state.status === 'more'}
            onClick={() => {
              setState((previous) => ({ ...previous, status: 'more' }));
              setPageCursor({ key: searchKey, cursor: state.nextCursor });
            }}
          >
            {state.status === 'more' ? 'Loading…' : 'Load more'}
          </button>
        )}
        {state.status === 'error' && state.sessions.length > 0 && (
          <span class="tone-error small">{describeError(state.error)}</span>
        )}
      </div>
    </div>
  );
}
