/**
 * A real Sightline server for end-to-end tests, from the server package's own test
 * helpers (`startTestServer`, `queryApi`). They are loaded at run time through a URL
 * rather than a typed import, so this package's type check does not compile the server's
 * sources; the shapes used here are declared below.
 */
export interface SightlineTestServer {
  url: string;
  ingestKey: string;
  adminToken: string;
  dispose(): Promise<void>;
}

interface ServerTestSupport {
  startTestServer(engine: 'sqlite' | 'postgres'): Promise<SightlineTestServer>;
  queryApi<T>(
    server: Pick<SightlineTestServer, 'url' | 'adminToken'>,
    path: string,
  ): Promise<{ status: number; body: T }>;
}

const SUPPORT_URL = new URL('../../../server/test/support/test-server.ts', import.meta.url).href;

async function loadSupport(): Promise<ServerTestSupport> {
  return (await import(SUPPORT_URL)) as ServerTestSupport;
}

/** A server on a free port with an SQLite file of its own; `dispose()` removes both. */
export async function startSightlineServer(): Promise<SightlineTestServer> {
  return (await loadSupport()).startTestServer('sqlite');
}

/** GET against the query API with the server's admin token. */
export async function queryApi<T>(server: SightlineTestServer, path: string): Promise<{ status: number; body: T }> {
  return (await loadSupport()).queryApi<T>(server, path);
}
