/**
 * Versioned schema for the SQLite engine. Append only: a released migration never
 * changes, a new version is added instead. Each runs in its own transaction.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'orgs, keys, spans, logs, sessions',
    sql: `
      CREATE TABLE orgs (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_us INTEGER NOT NULL
      );
      CREATE TABLE api_keys (
        hash TEXT PRIMARY KEY,
        org_id INTEGER NOT NULL REFERENCES orgs(id),
        kind TEXT NOT NULL CHECK (kind IN ('ingest', 'admin')),
        prefix TEXT NOT NULL,
        created_us INTEGER NOT NULL
      );
      CREATE TABLE resources (
        org_id INTEGER NOT NULL,
        id TEXT NOT NULL,
        attributes TEXT NOT NULL,
        PRIMARY KEY (org_id, id)
      ) WITHOUT ROWID;
      CREATE TABLE spans (
        org_id INTEGER NOT NULL,
        trace_id TEXT NOT NULL,
        span_id TEXT NOT NULL,
        parent_span_id TEXT,
        name TEXT NOT NULL,
        kind INTEGER NOT NULL,
        service_name TEXT,
        start_us INTEGER NOT NULL,
        end_us INTEGER NOT NULL,
        status_code INTEGER NOT NULL,
        status_message TEXT,
        session_id TEXT,
        attributes TEXT NOT NULL,
        resource_id TEXT NOT NULL,
        scope TEXT,
        events TEXT,
        links TEXT
      );
      -- unique: an exporter retrying a batch we already committed must not duplicate spans
      CREATE UNIQUE INDEX spans_by_trace ON spans (org_id, trace_id, span_id);
      CREATE INDEX spans_by_session ON spans (org_id, session_id, start_us) WHERE session_id IS NOT NULL;
      CREATE INDEX spans_by_time ON spans (org_id, start_us);
      CREATE TABLE logs (
        org_id INTEGER NOT NULL,
        time_us INTEGER NOT NULL,
        observed_us INTEGER NOT NULL,
        severity_number INTEGER NOT NULL,
        severity_text TEXT,
        body TEXT,
        trace_id TEXT,
        span_id TEXT,
        service_name TEXT,
        session_id TEXT,
        attributes TEXT NOT NULL,
        resource_id TEXT NOT NULL,
        scope TEXT
      );
      CREATE INDEX logs_by_session ON logs (org_id, session_id, time_us) WHERE session_id IS NOT NULL;
      CREATE INDEX logs_by_trace ON logs (org_id, trace_id) WHERE trace_id IS NOT NULL;
      CREATE INDEX logs_by_time ON logs (org_id, time_us);
      CREATE TABLE sessions (
        org_id INTEGER NOT NULL,
        session_id TEXT NOT NULL,
        user_id TEXT,
        started_us INTEGER NOT NULL,
        ended_us INTEGER NOT NULL,
        span_count INTEGER NOT NULL DEFAULT 0,
        log_count INTEGER NOT NULL DEFAULT 0,
        error_count INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (org_id, session_id)
      ) WITHOUT ROWID;
      CREATE INDEX sessions_by_start ON sessions (org_id, started_us DESC, session_id DESC);
    `,
  },
  {
    version: 2,
    name: 'replay batches, session replay summary',
    sql: `
      -- a rowid table, not WITHOUT ROWID: rows hold payloads of up to a megabyte
      CREATE TABLE replay_batches (
        org_id INTEGER NOT NULL,
        session_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        received_us INTEGER NOT NULL,
        first_event_us INTEGER NOT NULL,
        last_event_us INTEGER NOT NULL,
        event_count INTEGER NOT NULL,
        payload BLOB NOT NULL,
        PRIMARY KEY (org_id, session_id, seq)
      );
      ALTER TABLE sessions ADD COLUMN has_replay INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sessions ADD COLUMN first_url TEXT;
      ALTER TABLE sessions ADD COLUMN urls TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE sessions ADD COLUMN page_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sessions ADD COLUMN active_ms INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sessions ADD COLUMN user_traits TEXT;
      ALTER TABLE sessions ADD COLUMN user_agent TEXT;
      ALTER TABLE sessions ADD COLUMN browser TEXT;
      ALTER TABLE sessions ADD COLUMN browser_version TEXT;
      ALTER TABLE sessions ADD COLUMN os TEXT;
      ALTER TABLE sessions ADD COLUMN device_type TEXT;
      ALTER TABLE sessions ADD COLUMN click_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sessions ADD COLUMN js_error_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sessions ADD COLUMN console_error_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sessions ADD COLUMN failed_request_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sessions ADD COLUMN previous_session_id TEXT;
      ALTER TABLE sessions ADD COLUMN replay_bytes INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sessions ADD COLUMN event_count INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 3,
    name: 'session insights, search indexes',
    sql: `
      ALTER TABLE sessions ADD COLUMN insights TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE sessions ADD COLUMN rage_click_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sessions ADD COLUMN dead_click_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sessions ADD COLUMN double_submit_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sessions ADD COLUMN error_click_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sessions ADD COLUMN slow_frame_count INTEGER NOT NULL DEFAULT 0;
      -- the clicks the last analyzed batch left undecided, for the batch after it
      ALTER TABLE sessions ADD COLUMN insight_carry TEXT;
      ALTER TABLE sessions ADD COLUMN insight_carry_seq INTEGER;
      -- GET /api/sessions: user prefix, and the longest and most-errors sorts
      CREATE INDEX sessions_by_user ON sessions (org_id, user_id) WHERE user_id IS NOT NULL;
      CREATE INDEX sessions_by_duration ON sessions (org_id, (ended_us - started_us) DESC, session_id DESC);
      CREATE INDEX sessions_by_errors
        ON sessions (org_id, (error_count + js_error_count) DESC, started_us DESC, session_id DESC);
    `,
  },
  {
    version: 4,
    name: 'ui sign-in sessions',
    sql: `
      CREATE TABLE ui_sessions (
        hash TEXT PRIMARY KEY,
        org_id INTEGER NOT NULL REFERENCES orgs(id),
        created_us INTEGER NOT NULL,
        expires_us INTEGER NOT NULL
      );
      CREATE INDEX ui_sessions_by_expiry ON ui_sessions (expires_us);
    `,
  },
  {
    version: 5,
    name: 'traces linked to sessions by the recorded traceparent',
    sql: `
      CREATE TABLE session_traces (
        org_id INTEGER NOT NULL,
        session_id TEXT NOT NULL,
        trace_id TEXT NOT NULL,
        PRIMARY KEY (org_id, session_id, trace_id)
      ) WITHOUT ROWID;
      CREATE INDEX session_traces_by_trace ON session_traces (org_id, trace_id);
    `,
  },
  {
    version: 6,
    name: 'sessions whose insights wait for a next batch',
    sql: `
      -- server time of the batch that left clicks undecided; NULL when none wait. The
      -- insight settler decides the clicks of sessions that got no batch since.
      ALTER TABLE sessions ADD COLUMN insight_open_us INTEGER;
      CREATE INDEX sessions_with_open_insights ON sessions (insight_open_us) WHERE insight_open_us IS NOT NULL;
    `,
  },
  {
    version: 7,
    name: 'span indexes that ingest can afford',
    sql: `
      -- each ingested span paid for both at a scattered place, for no query that needs them:
      -- none reads spans by time alone (the SQL views turn start_us into text, which no
      -- index serves)
      DROP INDEX IF EXISTS spans_by_time;
      -- a session's spans are read whole, never in start order from the index; by rowid
      -- instead, its new spans land at the end of its range rather than inside it
      DROP INDEX IF EXISTS spans_by_session;
      CREATE INDEX spans_by_session ON spans (org_id, session_id) WHERE session_id IS NOT NULL;
    `,
  },
  {
    version: 8,
    name: 'the browser clock offset of a session',
    sql: `
      -- server receive time minus the browser's sentAtMs, the smallest of the session's batches
      ALTER TABLE sessions ADD COLUMN clock_offset_ms INTEGER;
    `,
  },
];
