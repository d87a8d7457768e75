import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { sqliteMigrations } from '../../src/storage/sqlite/migrations.js';
import { migrateSqlite } from '../../src/storage/sqlite/migrator.js';
import { createSqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import { createTelemetryWriter } from '../../src/storage/sqlite/telemetry-writer.js';
import { makeBatch, makeSpan } from '../support/telemetry-fixtures.js';

function spanIndexes(db: Database.Database): Record<string, string[]> {
  const names = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'spans'")
    .all()
    .map((row) => row.name);
  return Object.fromEntries(
    names.map((name) => [name, (db.pragma(`index_info(${name})`) as { name: string }[]).map((column) => column.name)]),
  );
}

describe('SQLite migrations', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sightline-migrations-'));
    file = join(dir, 'test.db');
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('are numbered 1, 2, 3… in order', () => {
    assert.deepEqual(
      sqliteMigrations.map((migration) => migration.version),
      sqliteMigrations.map((_, index) => index + 1),
    );
  });

  it('7 keeps the spans of a version-6 database and leaves the span indexes ingest needs', async () => {
    const sessionId = 'session-before-7';
    const spans = [makeSpan({ sessionId }), makeSpan({ sessionId })];
    // a database as the release before version 7 left it, with spans in it
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    migrateSqlite(
      old,
      sqliteMigrations.filter((migration) => migration.version <= 6),
    );
    assert.deepEqual(Object.keys(spanIndexes(old)).sort(), ['spans_by_session', 'spans_by_time', 'spans_by_trace']);
    const orgId = Number(old.prepare("INSERT INTO orgs (name, created_us) VALUES ('org', 0)").run().lastInsertRowid);
    createTelemetryWriter(old).write(orgId, makeBatch(spans));
    old.close();

    const store = createSqliteStore({ file });
    const db = new Database(file, { readonly: true });
    try {
      assert.deepEqual(spanIndexes(db), {
        spans_by_trace: ['org_id', 'trace_id', 'span_id'],
        spans_by_session: ['org_id', 'session_id'],
      });
      const stored = await store.listSessionTraceSpans(orgId, sessionId, 10);
      assert.deepEqual(stored.map((span) => span.spanId).sort(), spans.map((span) => span.spanId).sort());
    } finally {
      db.close();
      await store.close();
    }
  });
});
