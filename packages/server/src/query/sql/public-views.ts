/**
 * The public schema of `POST /api/query`: three org-scoped views, the same columns in the
 * same order on both engines. `views/sqlite.ts` and `views/postgres.ts` build them; the
 * conformance tests and `docs/sql-query.md` hold them to this list.
 */
export const PUBLIC_VIEWS = {
  traces: [
    'trace_id',
    'span_id',
    'parent_span_id',
    'name',
    'kind',
    'service_name',
    'start_time',
    'end_time',
    'duration_ms',
    'status_code',
    'status_message',
    'session_id',
    'attributes',
    'resource',
    'events',
    'links',
  ],
  logs: [
    'timestamp',
    'observed_timestamp',
    'trace_id',
    'span_id',
    'severity',
    'severity_number',
    'body',
    'service_name',
    'session_id',
    'attributes',
    'resource',
  ],
  sessions: [
    'session_id',
    'user_id',
    'started_at',
    'ended_at',
    'duration_ms',
    'span_count',
    'log_count',
    'error_count',
    'has_replay',
    'first_url',
    'page_count',
    'active_ms',
    'browser',
    'os',
    'device_type',
    'click_count',
    'js_error_count',
    'console_error_count',
    'failed_request_count',
    'rage_click_count',
    'dead_click_count',
    'double_submit_count',
    'error_click_count',
    'slow_frame_count',
  ],
} as const satisfies Record<string, readonly string[]>;

export type PublicViewName = keyof typeof PUBLIC_VIEWS;

export const PUBLIC_VIEW_NAMES = Object.keys(PUBLIC_VIEWS) as readonly PublicViewName[];

/**
 * Columns that hold JSON in the views. PostgreSQL's jsonb arrives parsed; SQLite keeps JSON
 * as text, so its runner parses columns with these names to give both engines one shape.
 */
export const JSON_COLUMN_NAMES: ReadonlySet<string> = new Set(['attributes', 'resource', 'events', 'links']);

/** Columns that hold booleans in the views: PostgreSQL's arrive as booleans, SQLite's 0/1 are turned into them. */
export const BOOLEAN_COLUMN_NAMES: ReadonlySet<string> = new Set(['has_replay']);
