/**
 * Versioned schema for the PostgreSQL engine: the same tables and columns as SQLite's,
 * with JSONB for JSON and BIGINT microseconds for times. Append only: a released
 * migration never changes, a new version is added instead.
 *
 * `spans` and `logs` are range-partitioned by time so retention can drop whole days;
 * the daily partitions are made at run time (`partitions.ts`), the migration only makes
 * the DEFAULT partitions that catch rows outside the managed window.
 *
 * Id columns use COLLATE "C": byte order like SQLite, so paging and sorting agree
 * across engines, and comparisons skip the locale.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const postgresMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'orgs, keys, spans, logs, sessions',
    sql: `
      CREATE TABLE orgs (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_us BIGINT NOT NULL
      );
      CREATE TABLE api_keys (
        hash TEXT PRIMARY KEY,
        org_id BIGINT NOT NULL REFERENCES orgs(id),
        kind TEXT NOT NULL CHECK (kind IN ('ingest', 'admin')),
        prefix TEXT NOT NULL,
        created_us BIGINT NOT NULL
      );
      CREATE TABLE resources (
        org_id BIGINT NOT NULL,
        id TEXT COLLATE "C" NOT NULL,
        attributes JSONB NOT NULL,
        PRIMARY KEY (org_id, id)
      );
      CREATE TABLE spans (
        org_id BIGINT NOT NULL,
        trace_id TEXT COLLATE "C" NOT NULL,
        span_id TEXT COLLATE "C" NOT NULL,
        parent_span_id TEXT COLLATE "C",
        name TEXT NOT NULL,
        kind INTEGER NOT NULL,
        service_name TEXT,
        start_us BIGINT NOT NULL,
        end_us BIGINT NOT NULL,
        status_code INTEGER NOT NULL,
        status_message TEXT,
        session_id TEXT COLLATE "C",
        attributes JSONB NOT NULL,
        resource_id TEXT COLLATE "C" NOT NULL,
        scope JSONB,
        events JSONB,
        links JSONB
      ) PARTITION BY RANGE (start_us);
      CREATE TABLE spans_default PARTITION OF spans DEFAULT;
      -- unique: an exporter retrying a batch we already committed must not duplicate spans.
      -- A partitioned unique index must hold the partition key; a retried span has the
      -- same start time, so it still dedupes retries.
      CREATE UNIQUE INDEX spans_by_trace ON spans (org_id, trace_id, span_id, start_us);
      CREATE INDEX spans_by_session ON spans (org_id, session_id, start_us) WHERE session_id IS NOT NULL;
      CREATE INDEX spans_by_time ON spans (org_id, start_us);
      CREATE TABLE logs (
        -- PostgreSQL has no rowid: this is the tiebreak that keeps log paging stable
        id BIGINT GENERATED ALWAYS AS IDENTITY,
        org_id BIGINT NOT NULL,
        time_us BIGINT NOT NULL,
        observed_us BIGINT NOT NULL,
        severity_number INTEGER NOT NULL,
        severity_text TEXT,
        body TEXT,
        trace_id TEXT COLLATE "C",
        span_id TEXT COLLATE "C",
        service_name TEXT,
        session_id TEXT COLLATE "C",
        attributes JSONB NOT NULL,
        resource_id TEXT COLLATE "C" NOT NULL,
        scope JSONB
      ) PARTITION BY RANGE (time_us);
      CREATE TABLE logs_default PARTITION OF logs DEFAULT;
      CREATE INDEX logs_by_session ON logs (org_id, session_id, time_us, id) WHERE session_id IS NOT NULL;
      CREATE INDEX logs_by_trace ON logs (org_id, trace_id) WHERE trace_id IS NOT NULL;
      CREATE INDEX logs_by_time ON logs (org_id, time_us);
      CREATE TABLE sessions (
        org_id BIGINT NOT NULL,
        session_id TEXT COLLATE "C" NOT NULL,
        user_id TEXT,
        started_us BIGINT NOT NULL,
        ended_us BIGINT NOT NULL,
        span_count INTEGER NOT NULL DEFAULT 0,
        log_count INTEGER NOT NULL DEFAULT 0,
        error_count INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (org_id, session_id)
      );
      CREATE INDEX sessions_by_start ON sessions (org_id, started_us DESC, session_id DESC);
    `,
  },
  {
    version: 2,
    name: 'replay batches, session replay summary',
    sql: `
      CREATE TABLE replay_batches (
        org_id BIGINT NOT NULL,
        session_id TEXT COLLATE "C" NOT NULL,
        seq INTEGER NOT NULL,
        received_us BIGINT NOT NULL,
        first_event_us BIGINT NOT NULL,
        last_event_us BIGINT NOT NULL,
        event_count INTEGER NOT NULL,
        payload BYTEA NOT NULL,
        PRIMARY KEY (org_id, session_id, seq)
      );
      -- the payload is gzip already: TOAST compressing it again would only burn CPU
      ALTER TABLE replay_batches ALTER COLUMN payload SET STORAGE EXTERNAL;
      ALTER TABLE sessions
        ADD COLUMN has_replay BOOLEAN NOT NULL DEFAULT false,
        ADD COLUMN first_url TEXT,
        ADD COLUMN urls JSONB NOT NULL DEFAULT '[]',
        ADD COLUMN page_count INTEGER NOT NULL DEFAULT 0,
        ADD COLUMN active_ms BIGINT NOT NULL DEFAULT 0,
        ADD COLUMN user_traits JSONB,
        ADD COLUMN user_agent TEXT,
        ADD COLUMN browser TEXT,
        ADD COLUMN browser_version TEXT,
        ADD COLUMN os TEXT,
        ADD COLUMN device_type TEXT,
        ADD COLUMN click_count INTEGER NOT NULL DEFAULT 0,
        ADD COLUMN js_error_count INTEGER NOT NULL DEFAULT 0,
        ADD COLUMN console_error_count INTEGER NOT NULL DEFAULT 0,
        ADD COLUMN failed_request_count INTEGER NOT NULL DEFAULT 0,
        ADD COLUMN previous_session_id TEXT COLLATE "C",
        ADD COLUMN replay_bytes BIGINT NOT NULL DEFAULT 0,
        ADD COLUMN event_count INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 3,
    name: 'session insights, search indexes',
    sql: `
      ALTER TABLE sessions
        ADD COLUMN insights JSONB NOT NULL DEFAULT '[]',
        ADD COLUMN rage_click_count INTEGER NOT NULL DEFAULT 0,
        ADD COLUMN dead_click_count INTEGER NOT NULL DEFAULT 0,
        ADD COLUMN double_submit_count INTEGER NOT NULL DEFAULT 0,
        ADD COLUMN error_click_count INTEGER NOT NULL DEFAULT 0,
        ADD COLUMN slow_frame_count INTEGER NOT NULL DEFAULT 0,
        -- the clicks the last analyzed batch left undecided, for the batch after it
        ADD COLUMN insight_carry JSONB,
        ADD COLUMN insight_carry_seq INTEGER;
      -- GET /api/sessions: user prefix (byte order, like SQLite, so a range is a prefix),
      -- and the longest and most-errors sorts
      CREATE INDEX sessions_by_user ON sessions (org_id, user_id COLLATE "C") WHERE user_id IS NOT NULL;
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
        org_id BIGINT NOT NULL REFERENCES orgs(id),
        created_us BIGINT NOT NULL,
        expires_us BIGINT NOT NULL
      );
      CREATE INDEX ui_sessions_by_expiry ON ui_sessions (expires_us);
    `,
  },
  {
    version: 5,
    name: 'traces linked to sessions by the recorded traceparent',
    sql: `
      CREATE TABLE session_traces (
        org_id BIGINT NOT NULL,
        session_id TEXT COLLATE "C" NOT NULL,
        trace_id TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (org_id, session_id, trace_id)
      );
      CREATE INDEX session_traces_by_trace ON session_traces (org_id, trace_id);
    `,
  },
  {
    version: 6,
    name: 'sessions whose insights wait for a next batch',
    sql: `
      -- server time of the batch that left clicks undecided; NULL when none wait. The
      -- insight settler decides the clicks of sessions that got no batch since.
      ALTER TABLE sessions ADD COLUMN insight_open_us BIGINT;
      CREATE INDEX sessions_with_open_insights ON sessions (insight_open_us) WHERE insight_open_us IS NOT NULL;
    `,
  },
  {
    version: 7,
    name: 'the browser clock offset of a session',
    sql: `
      -- server receive time minus the browser's sentAtMs, the smallest of the session's batches
      ALTER TABLE sessions ADD COLUMN clock_offset_ms BIGINT;
    `,
  },
];
