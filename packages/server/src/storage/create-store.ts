import { resolve } from 'node:path';
import type { Store } from './store.js';

/**
 * Opens the store a `--db` value names: a `postgres://` (or `postgresql://`) URL opens
 * PostgreSQL, anything else is a SQLite file path. The PostgreSQL adapter is imported
 * only when asked for, so the embedded path never loads `pg`.
 */
export async function createStore(db: string): Promise<Store> {
  if (isPostgresUrl(db)) {
    const { createPostgresStore } = await import('./postgres/postgres-store.js');
    return createPostgresStore({ connectionString: db });
  }
  const { createSqliteStore } = await import('./sqlite/sqlite-store.js');
  return createSqliteStore({ file: resolve(db) });
}

export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/** The database named in logs and errors: a PostgreSQL URL without its password. */
export function describeDb(db: string): string {
  if (!isPostgresUrl(db)) return resolve(db);
  try {
    const url = new URL(db);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}
