import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { resolveServerConfig } from '../../src/config/server-config.js';
import { createApp } from '../../src/http/create-app.js';
import { ensureDefaultOrg } from '../../src/orgs/ensure-default-org.js';
import { createKeyResolver } from '../../src/orgs/key-resolver.js';
import { resolveRecorderDistDir } from '../../src/recorder-bundle/resolve-recorder-dist-dir.js';
import { createSqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import type { Store } from '../../src/storage/store.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('GET /v1/config', () => {
  let test: TestServer;
  before(async () => {
    test = await startTestServer('sqlite');
  });
  after(async () => {
    await test?.dispose();
  });

  it("answers the org's recorder settings, cacheable for a minute, to any origin", async () => {
    const response = await fetch(`${test.url}/v1/config?key=${test.ingestKey}`, {
      headers: { origin: 'https://shop.example' },
    });
    assert.equal(response.status, 200);
    // an org without a policy sends no field: each would override the page's own setting
    // (a tag's data-sample-rate="0" recorded every session in full while defaults were sent)
    assert.deepEqual(await response.json(), {});
    assert.equal(response.headers.get('cache-control'), 'max-age=60');
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
  });

  it("refuses an unknown key with 401 and a reason; keyless from loopback gets the default org's", async () => {
    const unknown = await fetch(`${test.url}/v1/config?key=sl_ingest_nope`);
    assert.equal(unknown.status, 401);
    assert.match(((await unknown.json()) as { error: { message: string } }).error.message, /unknown ingest key/);
    const keyless = await fetch(`${test.url}/v1/config`);
    assert.equal(keyless.status, 200);
    assert.deepEqual(await keyless.json(), {});
  });
});

describe('GET /sightline.js', () => {
  let dir: string;
  let distDir: string;
  let store: Store;
  let withBundle: FastifyInstance;
  let withoutBundle: FastifyInstance;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sightline-bundle-'));
    distDir = join(dir, 'dist');
    const emptyDir = join(dir, 'empty');
    for (const folder of [distDir, emptyDir]) mkdirSync(folder);
    store = createSqliteStore({ file: join(dir, 'test.db') });
    const defaultOrg = await ensureDefaultOrg(store, {});
    const deps = {
      config: resolveServerConfig({ logLevel: 'silent' }, {}),
      store,
      resolveKey: createKeyResolver(store),
      defaultOrgId: defaultOrg.org.id,
    };
    withBundle = await createApp({ ...deps, recorderDistDir: distDir });
    withoutBundle = await createApp({ ...deps, recorderDistDir: emptyDir });
  });
  after(async () => {
    await withBundle?.close();
    await withoutBundle?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the built script with its type, caching headers and an ETag, and its map', async () => {
    writeFileSync(join(distDir, 'sightline.js'), 'console.log("v1");\n//# sourceMappingURL=sightline.js.map\n');
    writeFileSync(join(distDir, 'sightline.js.map'), '{"version":3,"sources":[],"mappings":""}');
    const script = await withBundle.inject({ method: 'GET', url: '/sightline.js' });
    assert.equal(script.statusCode, 200);
    assert.equal(script.headers['content-type'], 'application/javascript; charset=utf-8');
    assert.equal(script.headers['cache-control'], 'public, max-age=300');
    assert.equal(script.headers['access-control-allow-origin'], '*');
    assert.match(script.body, /console\.log\("v1"\)/);
    const etag = String(script.headers.etag);
    assert.match(etag, /^"[A-Za-z0-9_-]+"$/);

    const again = await withBundle.inject({ method: 'GET', url: '/sightline.js', headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');

    const map = await withBundle.inject({ method: 'GET', url: '/sightline.js.map' });
    assert.equal(map.statusCode, 200);
    assert.match(String(map.headers['content-type']), /^application\/json/);
    assert.deepEqual(JSON.parse(map.body), { version: 3, sources: [], mappings: '' });
  });

  it('picks up a rebuild without a restart', async () => {
    writeFileSync(join(distDir, 'sightline.js'), 'console.log("v1");\n');
    const before = await withBundle.inject({ method: 'GET', url: '/sightline.js' });
    writeFileSync(join(distDir, 'sightline.js'), 'console.log("version 2, longer");\n');
    const after = await withBundle.inject({ method: 'GET', url: '/sightline.js' });
    assert.match(after.body, /version 2/);
    assert.notEqual(after.headers.etag, before.headers.etag);
  });

  it('says how to build the recorder when the script is missing', async () => {
    const response = await withoutBundle.inject({ method: 'GET', url: '/sightline.js' });
    assert.equal(response.statusCode, 404);
    assert.match(
      (JSON.parse(response.body) as { error: { message: string } }).error.message,
      /sightline\.js is not built on this server: run `npm run build -w @sightline\/recorder`/,
    );
  });

  it("finds the workspace recorder package's dist folder", () => {
    assert.match(resolveRecorderDistDir() ?? '', /recorder[\\/]dist$/);
  });
});
