import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSightlineError } from '../../src/errors.js';
import { MAX_SQL_LENGTH } from '../../src/query/sql/normalize-sql-text.js';
import { validateReadOnlySql } from '../../src/query/sql/validate-read-only-sql.js';
import type { StorageEngine } from '../../src/storage/store.js';

const ENGINES: readonly StorageEngine[] = ['sqlite', 'postgres'];
const ISSUE_QUERY = "SELECT * FROM traces WHERE attributes->>'session.id' = 'abc-123-xyz' ORDER BY start_time";

function assertRefused(sql: string, engine: StorageEngine, message: RegExp): void {
  assert.throws(
    () => validateReadOnlySql(sql, engine),
    (error: unknown) => {
      assert.ok(isSightlineError(error), `expected a SightlineError for ${sql}`);
      assert.equal(error.code, 'invalid_query');
      assert.match(error.message, message, `for ${JSON.stringify(sql)} on ${engine}`);
      return true;
    },
  );
}

function assertAccepted(sql: string, engine: StorageEngine): void {
  assert.doesNotThrow(() => validateReadOnlySql(sql, engine), `${JSON.stringify(sql)} on ${engine}`);
}

describe('validateReadOnlySql', () => {
  describe('accepts read-only queries over the views', () => {
    it("accepts the article's query on both engines, unchanged", () => {
      for (const engine of ENGINES) {
        assert.deepEqual(validateReadOnlySql(ISSUE_QUERY, engine), { sql: ISSUE_QUERY });
      }
    });

    it('accepts CTEs, joins, subqueries, set operations, aggregates and window functions', () => {
      const queries = [
        `WITH slow AS (SELECT * FROM traces WHERE duration_ms > 1000),
              failed AS (SELECT trace_id FROM slow WHERE status_code = 'ERROR')
         SELECT * FROM failed`,
        "SELECT t.name, l.body FROM traces t LEFT JOIN logs l ON l.span_id = t.span_id WHERE t.status_code = 'ERROR'",
        'SELECT s.session_id, (SELECT count(*) FROM traces t WHERE t.session_id = s.session_id) AS n FROM sessions s',
        "SELECT * FROM traces WHERE trace_id IN (SELECT trace_id FROM logs WHERE severity = 'ERROR')",
        'SELECT name FROM traces UNION ALL SELECT body FROM logs ORDER BY 1',
        'SELECT trace_id, count(*) AS spans, max(duration_ms) FROM traces GROUP BY trace_id HAVING count(*) > 1',
        'SELECT row_number() OVER (PARTITION BY trace_id ORDER BY start_time) AS n, name FROM traces',
        'SELECT count(*) OVER () FROM traces',
        "SELECT CASE WHEN duration_ms > 100 THEN 'slow' ELSE 'fast' END AS speed FROM traces",
        "SELECT CAST(attributes->>'http.status_code' AS INTEGER) AS status FROM traces",
        "SELECT coalesce(service_name, 'unknown'), nullif(status_message, ''), lower(name), round(duration_ms, 1) FROM traces",
        "SELECT avg(duration_ms), min(start_time) FROM traces WHERE start_time >= '2026-01-01'",
        'SELECT timestamp, severity, body FROM logs ORDER BY timestamp DESC LIMIT 50',
        'SELECT * FROM TRACES',
        'SELECT count(*) AS spans FROM traces AS orgs',
        "SELECT 'it''s', \"name\" FROM traces",
      ];
      for (const engine of ENGINES) for (const sql of queries) assertAccepted(sql, engine);
    });

    it("accepts each engine's JSON functions and operators", () => {
      const sqlite = [
        `SELECT json_extract(attributes, '$."session.id"'), json_array_length(events) FROM traces`,
        "SELECT attributes -> 'http.method' FROM traces",
        'SELECT j.value FROM traces, json_each(traces.events) AS j',
        "SELECT strftime('%H', start_time) AS hour, count(*) FROM traces GROUP BY hour",
        'SELECT name FROM traces INTERSECT SELECT body FROM logs',
      ];
      const postgres = [
        `SELECT attributes #>> '{http,method}', attributes ? 'session.id', attributes @> '{"a":1}'::jsonb FROM traces`,
        "SELECT jsonb_extract_path_text(attributes, 'session.id'), jsonb_array_length(events) FROM traces",
        "SELECT e->>'name' FROM traces t, LATERAL jsonb_array_elements(t.events) AS e",
        "SELECT date_trunc('hour', start_time) AS hour, count(*) FROM traces GROUP BY 1 ORDER BY 1",
        "SELECT count(*) FILTER (WHERE status_code = 'ERROR') FROM traces",
        'SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) FROM traces',
        "SELECT now() - interval '1 hour', EXTRACT(EPOCH FROM start_time), start_time::date FROM traces",
        'SELECT DISTINCT ON (trace_id) trace_id, name FROM traces ORDER BY trace_id, start_time',
      ];
      for (const sql of sqlite) assertAccepted(sql, 'sqlite');
      for (const sql of postgres) assertAccepted(sql, 'postgres');
    });

    it('removes comments and a trailing semicolon', () => {
      for (const engine of ENGINES) {
        assert.equal(
          validateReadOnlySql('-- why\nSELECT name /* the span */ FROM traces;  \n', engine).sql,
          'SELECT name   FROM traces',
        );
      }
    });
  });

  describe('refuses, naming the problem', () => {
    it('refuses writes, DDL and other statements by their type', () => {
      const cases: Array<[string, RegExp]> = [
        ["INSERT INTO traces (name) VALUES ('x')", /INSERT statements are not allowed/],
        ["UPDATE traces SET name = 'x'", /UPDATE statements are not allowed/],
        ['DELETE FROM traces', /DELETE statements are not allowed/],
        ['DROP TABLE spans', /DROP statements are not allowed/],
        ['CREATE TABLE x (a INTEGER)', /CREATE statements are not allowed/],
        ["ATTACH DATABASE '/tmp/x.db' AS x", /ATTACH statements are not allowed/],
        ['PRAGMA table_info(spans)', /PRAGMA statements are not allowed/],
        ['SET statement_timeout = 0', /SET statements are not allowed/],
        ["COPY spans TO '/tmp/x'", /COPY statements are not allowed/],
        ['EXPLAIN SELECT * FROM traces', /EXPLAIN statements are not allowed/],
      ];
      for (const engine of ENGINES) for (const [sql, message] of cases) assertRefused(sql, engine, message);
    });

    it('refuses more than one statement', () => {
      for (const engine of ENGINES) {
        assertRefused('SELECT 1 FROM traces; DELETE FROM spans', engine, /only one statement is allowed/);
        assertRefused('SELECT 1 FROM traces;;', engine, /only one statement is allowed/);
      }
    });

    it('refuses every table but the views and the query’s own CTEs', () => {
      const cases: Array<[string, RegExp]> = [
        ['SELECT * FROM spans', /table 'spans' is not available; query the views traces, logs, sessions/],
        ['SELECT * FROM orgs', /table 'orgs' is not available/],
        ['SELECT hash FROM api_keys', /table 'api_keys' is not available/],
        ['SELECT * FROM traces t JOIN resources r ON r.id = t.trace_id', /table 'resources' is not available/],
        ['SELECT * FROM traces WHERE trace_id IN (SELECT trace_id FROM spans)', /table 'spans'/],
        ['SELECT name FROM traces UNION SELECT hash FROM api_keys', /table 'api_keys'/],
        ['WITH x AS (SELECT * FROM spans) SELECT * FROM x', /table 'spans'/],
        ['SELECT * FROM sqlite_master', /'sqlite_master' is not available/],
        ['SELECT * FROM pg_catalog.pg_tables', /'pg_catalog' is not available/],
        ['SELECT * FROM information_schema.tables', /'information_schema' is not available/],
      ];
      for (const engine of ENGINES) for (const [sql, message] of cases) assertRefused(sql, engine, message);
    });

    it('refuses schema-qualified names', () => {
      for (const engine of ENGINES) {
        assertRefused('SELECT * FROM main.spans', engine, /schema-qualified table 'main.spans' is not allowed/);
        assertRefused('SELECT * FROM public.traces', engine, /schema-qualified table 'public.traces'/);
      }
      assertRefused('SELECT public.lower(name) FROM traces', 'postgres', /schema-qualified function 'public.lower'/);
    });

    it('scopes CTE names like the engines do, so a CTE cannot vouch for a table outside it', () => {
      for (const engine of ENGINES) {
        assertRefused('SELECT * FROM (WITH spans AS (SELECT 1) SELECT * FROM spans) a, spans', engine, /table 'spans'/);
        assertRefused('WITH a AS (SELECT * FROM b), b AS (SELECT 1) SELECT * FROM a', engine, /table 'b'/);
        assertRefused('WITH "Spans" AS (SELECT 1) SELECT * FROM spans', engine, /CTE name 'Spans' must be lower case/);
        assertRefused('WITH logs AS (SELECT 1) SELECT * FROM logs', engine, /would hide the view of the same name/);
        assertAccepted('WITH mine AS (SELECT * FROM traces) SELECT * FROM (SELECT * FROM mine) q', engine);
      }
    });

    it('refuses WITH RECURSIVE', () => {
      const sql = 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT * FROM r';
      for (const engine of ENGINES) assertRefused(sql, engine, /WITH RECURSIVE is not allowed/);
    });

    it('refuses SELECT INTO', () => {
      assertRefused('SELECT * INTO copy FROM traces', 'postgres', /SELECT … INTO creates a table/);
    });

    it('refuses functions outside the allowlist, naming them', () => {
      const cases: Array<[string, StorageEngine, string]> = [
        ["SELECT query_to_xml('select * from spans', true, true, '')", 'postgres', 'query_to_xml'],
        ["SELECT pg_read_file('/etc/passwd')", 'postgres', 'pg_read_file'],
        ["SELECT set_config('statement_timeout', '0', false)", 'postgres', 'set_config'],
        ['SELECT pg_sleep(10)', 'postgres', 'pg_sleep'],
        ["SELECT * FROM dblink('host=x', 'select 1') AS t(a int)", 'postgres', 'dblink'],
        ["SELECT lo_import('/etc/passwd')", 'postgres', 'lo_import'],
        ["SELECT current_setting('data_directory')", 'postgres', 'current_setting'],
        ["SELECT load_extension('/tmp/evil.so')", 'sqlite', 'load_extension'],
        ["SELECT readfile('/etc/passwd')", 'sqlite', 'readfile'],
        ['SELECT randomblob(1000000000)', 'sqlite', 'randomblob'],
        ['SELECT zeroblob(1000000000)', 'sqlite', 'zeroblob'],
        ["SELECT * FROM pragma_table_info('spans')", 'sqlite', 'pragma_table_info'],
      ];
      for (const [sql, engine, name] of cases) assertRefused(sql, engine, new RegExp(`'${name}'`));
    });

    it('finds a refused function wherever it hides in the query', () => {
      const hidden = [
        'SELECT * FROM version()',
        'SELECT * FROM traces ORDER BY version()',
        'SELECT * FROM traces t, LATERAL version() AS v',
        'WITH a AS (SELECT version() FROM traces) SELECT * FROM a',
        'SELECT sum(duration_ms) OVER (PARTITION BY version()) FROM traces',
        "SELECT count(*) FILTER (WHERE version() = 'x') FROM traces",
        'SELECT CASE WHEN true THEN version() END FROM traces',
        'SELECT name FROM traces GROUP BY name HAVING max(version()) > 1',
        'SELECT * FROM traces LIMIT (SELECT length(version()))',
        'SELECT "version"()',
      ];
      for (const sql of hidden) assertRefused(sql, 'postgres', /function 'version' is not allowed/);
      assertRefused("SELECT 1 FROM traces WHERE trace_id IN version('x')", 'sqlite', /function 'version'/);
    });

    it('refuses casts to catalog types, also as typed literals', () => {
      assertRefused("SELECT 'spans'::varchar::bit", 'postgres', /cast to 'BIT' is not allowed/);
      assertRefused("SELECT CAST('spans' AS regclass)", 'postgres', /'regclass' is not available/);
      assertRefused("SELECT regclass 'spans'", 'postgres', /'regclass' is not available/);
    });

    it('refuses generators that use memory without reading any data', () => {
      assertRefused('SELECT count(*) FROM generate_series(1, 1000000000)', 'postgres', /function 'generate_series'/);
      assertRefused("SELECT repeat('x', 1000000000)", 'postgres', /function 'repeat'/);
    });

    it('refuses text the parser and the engine could read differently', () => {
      const cases: Array<[string, StorageEngine, RegExp]> = [
        // the parser reads \' as an escaped quote, the engines end the string there
        [
          String.raw`SELECT 'a\' , (SELECT hash FROM api_keys) , ' FROM traces`,
          'sqlite',
          /backslashes are not allowed/,
        ],
        [String.raw`SELECT 'a\' , (SELECT hash FROM api_keys) , ' FROM traces`, 'postgres', /backslashes/],
        [String.raw`SELECT "a\" FROM traces`, 'postgres', /backslashes are not allowed in a quoted identifier/],
        // SQLite reads #a as a parameter, the parser as a comment to the end of the line
        ['SELECT #a, (SELECT hash FROM api_keys) AS\n x FROM traces', 'sqlite', /'#' starts a parameter/],
        ['SELECT $$x$$ FROM traces', 'postgres', /dollar quoting/],
        ['SELECT [name] FROM traces', 'sqlite', /quote identifiers with double quotes/],
        ['SELECT `name` FROM traces', 'postgres', /backtick identifiers/],
        ['SELECT 1 FROM traces\u0000', 'sqlite', /control character U\+0000/],
        ['SELECT é FROM traces', 'postgres', /only allowed inside quotes/],
        ["SELECT 'open FROM traces", 'sqlite', /string literal starting at position 7 is never closed/],
        ['SELECT 1 /* open', 'postgres', /comment starting at position 9 is never closed/],
      ];
      for (const [sql, engine, message] of cases) assertRefused(sql, engine, message);
    });

    it('ends comments where each engine ends them', () => {
      // SQLite ends a line comment only at \n; PostgreSQL also at \r, so the rest is code there
      const sql = 'SELECT 1 FROM traces -- note\r, (SELECT hash FROM api_keys)';
      assert.equal(validateReadOnlySql(sql, 'sqlite').sql, 'SELECT 1 FROM traces');
      assertRefused(sql, 'postgres', /table 'api_keys'/);
      // PostgreSQL nests block comments, SQLite does not
      assert.equal(
        validateReadOnlySql('SELECT 1 /* a /* b */ c */ FROM traces', 'postgres').sql,
        'SELECT 1   FROM traces',
      );
      assertRefused('SELECT 1 /* a /* b */ c */ FROM traces', 'sqlite', /could not parse the query/);
    });

    it('refuses empty and overlong queries', () => {
      assertRefused('   ', 'sqlite', /the query is empty/);
      assertRefused('-- nothing', 'postgres', /the query is empty/);
      const long = `SELECT name FROM traces WHERE name IN (${"'x', ".repeat(MAX_SQL_LENGTH / 5)}'y')`;
      assertRefused(long, 'sqlite', new RegExp(`at most ${MAX_SQL_LENGTH} are allowed`));
    });

    it('says where the syntax error is', () => {
      assertRefused('SELECT FROM WHERE traces', 'postgres', /could not parse the query: syntax error at line 1/);
    });
  });
});
