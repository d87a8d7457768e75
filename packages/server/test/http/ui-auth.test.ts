import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { resolveServerConfig } from '../../src/config/server-config.js';
import { createApp } from '../../src/http/create-app.js';
import { createOrgWithKeys, type OrgCredentials } from '../../src/orgs/create-org.js';
import { ensureDefaultOrg } from '../../src/orgs/ensure-default-org.js';
import { createKeyResolver } from '../../src/orgs/key-resolver.js';
import { createSqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import type { Store } from '../../src/storage/store.js';
import { makeBatch, makeSpan } from '../support/telemetry-fixtures.js';

const ADMIN_TOKEN = 'sl_admin_ui-auth-test-token';

function cookieOf(response: LightMyRequestResponse): string | undefined {
  const cookie = response.cookies.find((entry) => entry.name === 'sightline_ui');
  return cookie ? `sightline_ui=${cookie.value}` : undefined;
}

describe('the UI: pages, sign-in and the session cookie', () => {
  let dir: string;
  let store: Store;
  let loopback: FastifyInstance;
  let remote: FastifyInstance;
  let unbuilt: FastifyInstance;
  let orgB: OrgCredentials;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sightline-ui-'));
    const uiDistDir = join(dir, 'ui');
    mkdirSync(join(uiDistDir, 'assets'), { recursive: true });
    writeFileSync(
      join(uiDistDir, 'index.html'),
      '<!doctype html><div id="app"></div><script src="/assets/app-1.js"></script>',
    );
    writeFileSync(join(uiDistDir, 'assets', 'app-1.js'), 'console.log("app")');
    store = createSqliteStore({ file: join(dir, 'test.db') });
    const defaultOrg = await ensureDefaultOrg(store, { adminToken: ADMIN_TOKEN });
    orgB = await createOrgWithKeys(store, 'org-b');
    await store.insertTelemetry(defaultOrg.org.id, makeBatch([makeSpan({ sessionId: 'session-of-default' })]));
    await store.insertTelemetry(orgB.org.id, makeBatch([makeSpan({ sessionId: 'session-of-org-b' })]));
    const deps = { store, resolveKey: createKeyResolver(store), defaultOrgId: defaultOrg.org.id, uiDistDir };
    loopback = await createApp({ ...deps, config: resolveServerConfig({ logLevel: 'silent' }, {}) });
    remote = await createApp({ ...deps, config: resolveServerConfig({ logLevel: 'silent', host: '0.0.0.0' }, {}) });
    unbuilt = await createApp({
      ...deps,
      uiDistDir: join(dir, 'missing'),
      config: resolveServerConfig({ logLevel: 'silent' }, {}),
    });
  });
  after(async () => {
    await Promise.all([loopback?.close(), remote?.close(), unbuilt?.close()]);
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('on loopback, opening the UI signs the browser in to the default org with a strict HttpOnly cookie', async () => {
    const page = await loopback.inject({ method: 'GET', url: '/sessions/abc-12345678?t=1500' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<div id="app">/);
    const setCookie = String(page.headers['set-cookie']);
    assert.match(setCookie, /sightline_ui=/);
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Strict/);
    assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
    assert.equal(page.headers['referrer-policy'], 'no-referrer');

    const cookie = cookieOf(page);
    // a recorded <img src="/api/…"> in a replay sends the cookie but never the CSRF header
    const fromImage = await loopback.inject({ method: 'GET', url: '/api/sessions', headers: { cookie } });
    assert.equal(fromImage.statusCode, 403);
    const sessions = await loopback.inject({
      method: 'GET',
      url: '/api/sessions',
      headers: { cookie, 'x-sightline-csrf': '1' },
    });
    assert.equal(sessions.statusCode, 200);
    assert.deepEqual(
      sessions.json<{ sessions: { sessionId: string }[] }>().sessions.map((session) => session.sessionId),
      ['session-of-default'],
    );
    const asset = await loopback.inject({ method: 'GET', url: '/assets/app-1.js' });
    assert.equal(asset.statusCode, 200);
    assert.match(String(asset.headers['cache-control']), /immutable/);
  });

  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const cookie = cookieOf(await loopback.inject({ method: 'GET', url: '/' }));
    const body = { sql: 'SELECT count(*) FROM traces' };
    const forged = await loopback.inject({ method: 'POST', url: '/api/query', headers: { cookie }, payload: body });
    assert.equal(forged.statusCode, 403);
    assert.match(forged.json<{ error: { message: string } }>().error.message, /x-sightline-csrf/);
    const real = await loopback.inject({
      method: 'POST',
      url: '/api/query',
      headers: { cookie, 'x-sightline-csrf': '1' },
      payload: body,
    });
    assert.equal(real.statusCode, 200, real.body);
  });

  it('beyond loopback, asks for a token: sign-in sets the cookie, sign-out ends it, and each org sees only its data', async () => {
    const page = await remote.inject({ method: 'GET', url: '/' });
    assert.equal(page.statusCode, 200);
    assert.equal(cookieOf(page), undefined);
    assert.equal((await remote.inject({ method: 'GET', url: '/api/sessions' })).statusCode, 401);

    const withoutCsrf = await remote.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { token: ADMIN_TOKEN },
    });
    assert.equal(withoutCsrf.statusCode, 403);
    const wrong = await remote.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'x-sightline-csrf': '1' },
      payload: { token: 'sl_admin_wrong' },
    });
    assert.equal(wrong.statusCode, 401);

    const signIn = await remote.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'x-sightline-csrf': '1' },
      payload: { token: orgB.adminToken },
    });
    assert.equal(signIn.statusCode, 200);
    const cookie = cookieOf(signIn);
    const sessions = await remote.inject({
      method: 'GET',
      url: '/api/sessions',
      headers: { cookie, 'x-sightline-csrf': '1' },
    });
    assert.deepEqual(
      sessions.json<{ sessions: { sessionId: string }[] }>().sessions.map((session) => session.sessionId),
      ['session-of-org-b'],
    );

    const signOut = await remote.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie, 'x-sightline-csrf': '1' },
    });
    assert.equal(signOut.statusCode, 200);
    const after = await remote.inject({
      method: 'GET',
      url: '/api/sessions',
      headers: { cookie, 'x-sightline-csrf': '1' },
    });
    assert.equal(after.statusCode, 401);
  });

  it('says how to build the UI when it is not built', async () => {
    const page = await unbuilt.inject({ method: 'GET', url: '/' });
    assert.equal(page.statusCode, 503);
    assert.match(page.body, /npm run build/);
  });
});
