import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { TEST_POSTGRES_URL } from './postgres-availability.js';

export interface TestPostgresDatabase {
  /** The URL of the new database: the admin URL with the database name swapped. */
  url: string;
  /** Drops the database, closing whatever connections are still open on it. */
  drop(): Promise<void>;
}

/**
 * A fresh, empty database (`sightline_test_<random>`) on the test server, so test files
 * running in parallel never see each other's rows or migrations.
 */
export async function createTestPostgresDatabase(adminUrl = TEST_POSTGRES_URL): Promise<TestPostgresDatabase> {
  const name = `sightline_test_${randomBytes(6).toString('hex')}`;
  await runAdminStatement(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => runAdminStatement(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function runAdminStatement(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
