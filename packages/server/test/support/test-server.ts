import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerOptions } from '../../src/config/server-config.js';
import { type RunningServer, startServer } from '../../src/server.js';

export type TestEngine = 'sqlite' | 'postgres';

export interface TestServer {
  server: RunningServer;
  url: string;
  ingestKey: string;
  adminToken: string;
  /** Closes the server and removes its database. */
  dispose(): Promise<void>;
}

export const TEST_INGEST_KEY = 'sl_ingest_test-key-0123456789';
export const TEST_ADMIN_TOKEN = 'sl_admin_test-token-0123456789';

/** A database for one test file: a temp SQLite file, or a fresh PostgreSQL database. */
export async function createTestDatabase(engine: TestEngine): Promise<{ db: string; drop(): Promise<void> }> {
  if (engine === 'postgres') {
    const { createTestPostgresDatabase } = await import('./postgres-database.js');
    const database = await createTestPostgresDatabase();
    return { db: database.url, drop: database.drop };
  }
  const dir = mkdtempSync(join(tmpdir(), 'sightline-test-'));
  return { db: join(dir, 'sightline.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A real server on a free port with known keys for the default org. */
export async function startTestServer(engine: TestEngine, options: ServerOptions = {}): Promise<TestServer> {
  const database = await createTestDatabase(engine);
  let server: RunningServer;
  try {
    server = await startServer({
      host: '127.0.0.1',
      port: 0,
      db: database.db,
      logLevel: 'silent',
      ingestKey: TEST_INGEST_KEY,
      adminToken: TEST_ADMIN_TOKEN,
      ...options,
    });
  } catch (error) {
    await database.drop();
    throw error;
  }
  return {
    server,
    url: server.url,
    ingestKey: TEST_INGEST_KEY,
    adminToken: TEST_ADMIN_TOKEN,
    async dispose() {
      await server.close();
      await database.drop();
    },
  };
}

/** GET/POST against the query API with the admin token. */
export async function queryApi<T = unknown>(
  test: Pick<TestServer, 'url' | 'adminToken'>,
  path: string,
  init: { method?: string; body?: unknown; token?: string } = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${test.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      authorization: `Bearer ${init.token ?? test.adminToken}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json()) as T };
}
