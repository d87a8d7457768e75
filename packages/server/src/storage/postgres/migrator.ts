import type pg from 'pg';
import type { Migration } from './migrations.js';
import { withPoolClient } from './pool.js';
import { runInTransaction } from './transaction.js';

/** Any fixed number, the same in every Sightline process: the key of the migration lock. */
const MIGRATION_LOCK_KEY = 0x5349_4748_5401;

/**
 * Applies the migrations newer than the database's version, each in one transaction.
 * Each transaction first takes a transaction-scoped advisory lock, so replicas starting
 * at once on one database queue up, and the one that comes second sees the version
 * recorded and skips it: every version is applied exactly once.
 */
export async function migratePostgres(pool: pg.Pool, migrations: readonly Migration[]): Promise<void> {
  await withPoolClient(pool, async (client) => {
    for (const migration of migrations) {
      await runInTransaction(client, () => applyMigration(client, migration));
    }
  });
}

async function applyMigration(client: pg.PoolClient, migration: Migration): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
  // under the lock: two replicas creating this table at once would collide in the catalog
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_us BIGINT NOT NULL
  )`);
  const done = await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
  if (done.rowCount) return;
  await client.query(migration.sql);
  await client.query('INSERT INTO schema_migrations (version, name, applied_us) VALUES ($1, $2, $3)', [
    migration.version,
    migration.name,
    Date.now() * 1000,
  ]);
}
