import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { ServerOptions } from '../../../packages/server/src/config/server-config.js';
import type { RunningServer } from '../../../packages/server/src/server.js';
import { queryApi, startTestServer, type TestServer } from '../../../packages/server/test/support/test-server.js';
import type { ReplayEvent } from './replay-events.js';
import { startTcpProxy } from './tcp-proxy.js';

/**
 * A real Sightline server (SQLite, its own temp database) behind a TCP proxy, so a test
 * can take it down and bring it back (on the same database) while pages keep its URL.
 */
export interface TestSightline {
  /** The URL pages use (`data-endpoint`, the script's `src`): the proxy's. */
  url: string;
  ingestKey: string;
  adminToken: string;
  /** The server running now (a new one after `bringBack`). */
  readonly server: RunningServer;
  /** GET (or POST with `body`) on the query API with the admin token. */
  api<T = unknown>(path: string, init?: { method?: string; body?: unknown }): Promise<{ status: number; body: T }>;
  /** `GET /api/sessions/:id/events`; `[]` while the session has no replay (404). */
  sessionEvents(sessionId: string): Promise<ReplayEvent[]>;
  /** Every stored replay batch of the session, raw from storage and gunzipped: what the server keeps. */
  storedBatchTexts(sessionId: string): Promise<string[]>;
  /** The seqs of the session's stored batches, ascending: `[0, 1, …, n]` when none is missing. */
  storedSeqs(sessionId: string): Promise<number[]>;
  /** The SQLite database file and its WAL as they are on disk now (summaries, URLs, traits…). */
  databaseFiles(): Buffer[];
  /** Connections refused while down: clients kept trying. */
  readonly refusedConnections: number;
  /** Resets every connection and closes the server (in-flight requests finish); the database stays. */
  takeDown(): Promise<void>;
  /** A new server on the same database, behind the same URL. */
  bringBack(): Promise<void>;
  /** Closes everything and removes the database. */
  dispose(): Promise<void>;
}

/** @example const sightline = await startTestSightline(); page html: `<script src="${sightline.url}/sightline.js" …>` */
export async function startTestSightline(options: ServerOptions = {}): Promise<TestSightline> {
  const first = await startTestServer('sqlite', options);
  const db = first.server.config.db;
  const started: TestServer[] = [first];
  let current = first;
  let down = false;
  const proxy = await startTcpProxy(first.server.config.port);

  const api: TestSightline['api'] = (path, init = {}) => queryApi(current, path, init);

  return {
    url: proxy.url,
    ingestKey: first.ingestKey,
    adminToken: first.adminToken,
    get server() {
      return current.server;
    },
    api,
    async sessionEvents(sessionId) {
      const { status, body } = await api<{ events: ReplayEvent[] }>(`/api/sessions/${sessionId}/events`);
      if (status === 404) return [];
      if (status !== 200) throw new Error(`GET events answered ${status}: ${JSON.stringify(body)}`);
      return body.events;
    },
    async storedBatchTexts(sessionId) {
      const { store, defaultOrg } = current.server;
      const batches = await store.listReplayBatches(defaultOrg.org.id, sessionId, { fromSeq: 0, limit: 100_000 });
      return batches.map((batch) => gunzipSync(batch.payload).toString('utf8'));
    },
    async storedSeqs(sessionId) {
      const { store, defaultOrg } = current.server;
      const batches = await store.listReplayBatches(defaultOrg.org.id, sessionId, { fromSeq: 0, limit: 100_000 });
      return batches.map((batch) => batch.seq);
    },
    get refusedConnections() {
      return proxy.refusedConnections;
    },
    databaseFiles() {
      return [db, `${db}-wal`].filter((file) => existsSync(file)).map((file) => readFileSync(file));
    },
    async takeDown() {
      if (down) return;
      down = true;
      proxy.refuse();
      await current.server.close();
    },
    async bringBack() {
      if (!down) return;
      // the same database file: what was acknowledged before the outage must still be there
      current = await startTestServer('sqlite', { ...options, db });
      started.push(current);
      proxy.setTarget(current.server.config.port);
      proxy.forward();
      down = false;
    },
    async dispose() {
      await proxy.close();
      // the later servers first: they only borrowed the first one's database, which it removes
      for (const server of started.reverse()) await server.dispose();
    },
  };
}
