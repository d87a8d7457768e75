import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations.js';

/** Applies the migrations newer than the database's version, each in one transaction. */
export function migrateSqlite(db: Database, migrations: readonly Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_us INTEGER NOT NULL
  )`);
  // BEGIN IMMEDIATE: two processes starting on one file must not both apply a version
  const apply = db.transaction((migration: Migration) => {
    const done = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(migration.version);
    if (done) return;
    db.exec(migration.sql);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_us) VALUES (?, ?, ?)').run(
      migration.version,
      migration.name,
      Date.now() * 1000,
    );
  });
  for (const migration of migrations) apply.immediate(migration);
}
