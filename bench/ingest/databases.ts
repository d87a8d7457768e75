import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

export type BenchEngine = 'sqlite' | 'postgres';

/** A fresh, empty database for one measured configuration. */
export interface BenchDatabase {
  /** What the server's `db` option takes: a file path or a `postgres://` URL. */
  db: string;
  /** Spans stored, counted straight from the database after the server has closed. */
  countSpans(): Promise<number>;
  drop(): Promise<void>;
}

export async function createBenchDatabase(engine: BenchEngine, postgresUrl: string): Promise<BenchDatabase> {
  return engine === 'sqlite' ? createSqliteDatabase() : createPostgresDatabase(postgresUrl);
}

function createSqliteDatabase(): BenchDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-bench-'));
  const file = join(dir, 'sightline.db');
  return {
    db: file,
    async countSpans() {
      const db = new Database(file, { readonly: true });
      try {
        return (db.prepare('SELECT count(*) AS count FROM spans').get() as { count: number }).count;
      } finally {
        db.close();
      }
    },
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `sightline_bench_<random>` on the given server, dropped (with its connections) afterwards. */
async function createPostgresDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `sightline_bench_${randomBytes(6).toString('hex')}`;
  await runStatement(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    db: url.toString(),
    async countSpans() {
      const rows = await runStatement(url.toString(), 'SELECT count(*)::int AS count FROM spans');
      return (rows[0] as { count: number }).count;
    },
    async drop() {
      await runStatement(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function runStatement(connectionString: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}
