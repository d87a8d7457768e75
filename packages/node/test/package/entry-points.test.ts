import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const packageDir = join(import.meta.dirname, '..', '..');
const built = ['dist/esm/index.js', 'dist/cjs/index.js'].every((file) => existsSync(join(packageDir, file)));
const ENTRIES = ['@sightline/node', '@sightline/node/sdk', '@sightline/node/fastify', '@sightline/node/hono'];

async function node(args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run(process.execPath, args, {
    cwd: packageDir,
    env: { ...process.env, ...env },
    timeout: 30_000,
  });
  return stdout;
}

/** What users load: the built ESM and CommonJS files, through the package's `exports`. */
describe('published entry points (dist/)', { skip: built ? false : 'dist/ is not built: run `npm run build`' }, () => {
  it('imports every entry from ESM', async () => {
    const script = `for (const entry of ${JSON.stringify(ENTRIES)}) { const m = await import(entry); console.log(entry, Object.keys(m).sort().join(',')); }`;
    const output = await node(['--input-type=module', '-e', script]);
    assert.match(output, /^@sightline\/node .*SessionSpanProcessor.*sessionMiddleware/m);
    assert.match(output, /^@sightline\/node\/sdk .*registerSightline/m);
    assert.match(output, /^@sightline\/node\/fastify sessionPlugin$/m);
    assert.match(output, /^@sightline\/node\/hono sessionMiddleware$/m);
  });

  it('requires every entry from CommonJS', async () => {
    const script = `for (const entry of ${JSON.stringify(ENTRIES)}) console.log(entry, Object.keys(require(entry)).sort().join(','));`;
    const output = await node(['-e', script]);
    assert.match(output, /^@sightline\/node .*getSessionId.*sightlinePinoMixin/m);
    assert.match(output, /^@sightline\/node\/sdk .*registerSightline/m);
    assert.match(output, /^@sightline\/node\/fastify sessionPlugin$/m);
  });

  it('links a request of a CommonJS app preloaded with --require @sightline/node/register', async () => {
    // nothing listens on port 9: the final export fails, quietly, without crashing the app
    const output = await node(['--require', '@sightline/node/register', 'test/package/fixtures/cjs-app.cjs'], {
      SIGHTLINE_ENDPOINT: 'http://127.0.0.1:9',
      OTEL_SERVICE_NAME: 'cjs-app',
    });
    const seen = JSON.parse(output.trim()) as Record<string, string | null>;
    assert.equal(seen.sessionId, 'cjs-session-0123');
    assert.equal(seen.spanSessionId, 'cjs-session-0123', 'the Express span carries session.id');
    assert.equal(seen.mode, 'started');
    assert.match(seen.serverTiming ?? '', /^traceparent;desc="00-[0-9a-f]{32}-[0-9a-f]{16}-01"$/);
  });
});
