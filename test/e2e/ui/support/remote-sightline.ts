import type { BrowserContext } from 'playwright-core';
import { createOrgWithKeys } from '../../../../packages/server/src/orgs/create-org.js';
import { startTestServer, type TestServer } from '../../../../packages/server/test/support/test-server.js';
import type { ReplayEvent } from '../../support/replay-events.js';

/** An org's two credentials: the public ingest key and the secret admin token. */
export interface OrgKeys {
  name: string;
  ingestKey: string;
  adminToken: string;
}

/**
 * A real Sightline server (SQLite, temp database) listening on every interface
 * (`0.0.0.0`), so it is not loopback-only: no automatic sign-in of the UI, no keyless
 * ingest. Pages still browse it at `http://127.0.0.1:<port>`.
 */
export interface RemoteSightline {
  /** `http://127.0.0.1:<port>`: what the browser opens (the server's own `url` says `0.0.0.0`). */
  url: string;
  /** False here: the local conveniences are off. */
  loopbackOnly: boolean;
  /** The `default` org, created by the server on its first start. */
  defaultOrg: OrgKeys;
  /** Another org with fresh keys, as `sightline orgs create <name>` makes it. */
  createOrg(name: string): Promise<OrgKeys>;
  /** `POST /v1/replay?key=…` of one batch, as the recorder sends it; throws unless stored. */
  postReplay(ingestKey: string, sessionId: string, events: readonly ReplayEvent[], seq?: number): Promise<void>;
  dispose(): Promise<void>;
}

export async function startRemoteSightline(): Promise<RemoteSightline> {
  const test: TestServer = await startTestServer('sqlite', { host: '0.0.0.0' });
  const url = `http://127.0.0.1:${test.server.config.port}`;
  return {
    url,
    loopbackOnly: test.server.config.loopbackOnly,
    defaultOrg: { name: 'default', ingestKey: test.ingestKey, adminToken: test.adminToken },
    async createOrg(name) {
      const created = await createOrgWithKeys(test.server.store, name);
      return { name, ingestKey: created.ingestKey, adminToken: created.adminToken };
    },
    async postReplay(ingestKey, sessionId, events, seq = 0) {
      const response = await fetch(`${url}/v1/replay?key=${encodeURIComponent(ingestKey)}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ v: 1, sessionId, seq, sentAtMs: Date.now(), events }),
      });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`POST /v1/replay answered ${response.status}: ${text}`);
    },
    dispose: () => test.dispose(),
  };
}

/** The UI's sign-in cookie (`packages/server/src/http/auth/ui-session-cookie.ts`). */
export const UI_SESSION_COOKIE = 'sightline_ui';

/**
 * Signs a browser context in the way the sign-in form does (`POST /api/auth/sign-in` with
 * the CSRF header): the answer's cookie lands in the context, for tests whose subject is
 * not the sign-in itself.
 */
export async function signInContext(context: BrowserContext, baseUrl: string, token: string): Promise<void> {
  const response = await context.request.post(`${baseUrl}/api/auth/sign-in`, {
    headers: { 'x-sightline-csrf': '1' },
    data: { token },
  });
  if (!response.ok()) throw new Error(`sign-in answered ${response.status()}: ${await response.text()}`);
}

/** The value of the context's sign-in cookie for `baseUrl`, if it has one. */
export async function uiSessionCookie(context: BrowserContext, baseUrl: string) {
  return (await context.cookies(baseUrl)).find((cookie) => cookie.name === UI_SESSION_COOKIE);
}
