import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startServer } from '../../src/server.js';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

async function sightline(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', CLI, ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the sightline CLI', () => {
  let dir: string;
  let db: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sightline-cli-'));
    db = join(dir, 'cli.db');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('creates an org whose printed keys work against the server', async () => {
    const created = await sightline(['orgs', 'create', 'acme', '--db', db]);
    assert.equal(created.code, 0, created.stderr);
    const ingestKey = /ingest key:\s+(\S+)/.exec(created.stdout)?.[1];
    const adminToken = /admin token:\s+(\S+)/.exec(created.stdout)?.[1];
    assert.match(ingestKey ?? '', /^sl_ingest_/);
    assert.match(adminToken ?? '', /^sl_admin_/);

    const duplicate = await sightline(['orgs', 'create', 'acme'], { SIGHTLINE_DB: db });
    assert.equal(duplicate.code, 1);
    assert.match(duplicate.stderr, /already exists/);

    const listed = await sightline(['orgs', 'list', '--db', db]);
    assert.match(listed.stdout, /\tacme\t/);

    const server = await startServer({ port: 0, db, logLevel: 'silent' });
    try {
      const sessions = await fetch(`${server.url}/api/sessions`, {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      assert.equal(sessions.status, 200);
      const newKey = await sightline(['keys', 'create', 'acme', '--kind', 'admin', '--db', db]);
      const newToken = /: (sl_admin_\S+)/.exec(newKey.stdout)?.[1];
      const withNew = await fetch(`${server.url}/api/sessions`, { headers: { authorization: `Bearer ${newToken}` } });
      assert.equal(withNew.status, 200);
    } finally {
      await server.close();
    }
  });

  it('prints generated default-org keys once, on the first start only', async () => {
    const fresh = join(dir, 'fresh.db');
    const first = await startServer({ port: 0, db: fresh, logLevel: 'silent' });
    const { ingestKey, adminToken } = first.defaultOrg.generated;
    assert.match(ingestKey ?? '', /^sl_ingest_/);
    const response = await fetch(`${first.url}/api/sessions`, { headers: { authorization: `Bearer ${adminToken}` } });
    assert.equal(response.status, 200);
    await first.close();
    const second = await startServer({ port: 0, db: fresh, logLevel: 'silent' });
    assert.deepEqual(second.defaultOrg.generated, {});
    await second.close();
  });

  it('explains a bad flag or variable instead of starting', async () => {
    const badPort = await sightline(['start', '--port', 'eighty', '--db', db]);
    assert.equal(badPort.code, 1);
    assert.match(badPort.stderr, /--port: expected an integer/);
    const badEnv = await sightline(['start', '--db', db], { SIGHTLINE_MAX_BODY_BYTES: '-5' });
    assert.equal(badEnv.code, 1);
    assert.match(badEnv.stderr, /SIGHTLINE_MAX_BODY_BYTES: expected an integer .* \(actual: '-5'\)/);
    const unknown = await sightline(['frobnicate']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /unknown command 'frobnicate'/);
  });
});
