/**
 * A real Sightline server for the demo's tests, from the server package's own test
 * helpers (`startTestServer`: a free port, a temp SQLite file, known keys). Loaded at run
 * time through a URL, so this package's type check does not compile the server's sources.
 */
export interface SightlineTestServer {
  url: string;
  ingestKey: string;
  adminToken: string;
  /** Closes the server and removes its database. */
  dispose(): Promise<void>;
}

const SUPPORT_URL = new URL('../../../../packages/server/test/support/test-server.ts', import.meta.url).href;

export async function startSightlineServer(): Promise<SightlineTestServer> {
  const support = (await import(SUPPORT_URL)) as {
    startTestServer(engine: 'sqlite'): Promise<SightlineTestServer>;
  };
  return support.startTestServer('sqlite');
}
