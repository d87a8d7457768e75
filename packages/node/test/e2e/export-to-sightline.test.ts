import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { queryApi, type SightlineTestServer, startSightlineServer } from '../support/sightline-server.js';

const packageDir = join(import.meta.dirname, '..', '..');
const SESSION_ID = 'e2e:5b0a2c7e-8d1f-4c3b-9e6a-0f4d2b8c1a77';

interface SessionTraces {
  traces: {
    traceId: string;
    spans: {
      name: string;
      kind: string;
      sessionId: string | null;
      attributes: Record<string, unknown>;
      scope: { name: string };
    }[];
  }[];
}
interface SessionLogs {
  logs: { body: unknown; traceId: string | null; sessionId: string | null; attributes: Record<string, unknown> }[];
}

/**
 * The whole path a user gets: an ESM Express app preloaded with
 * `--import @sightline/node/register` (configured by environment variables only) exports
 * over OTLP/HTTP protobuf to a real Sightline server, and the session's traces and logs
 * come back from the query API with session.id on every span.
 */
describe('export to a Sightline server through the register preload', () => {
  let sightline: SightlineTestServer;
  let app: ChildProcess;
  let appUrl: string;
  let appStderr = '';

  before(async () => {
    sightline = await startSightlineServer();
    app = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', './src/register.ts', './test/e2e/fixtures/express-app.ts'],
      {
        cwd: packageDir,
        env: {
          ...process.env,
          SIGHTLINE_ENDPOINT: sightline.url,
          SIGHTLINE_INGEST_KEY: sightline.ingestKey,
          OTEL_SERVICE_NAME: 'checkout-api',
          OTEL_BSP_SCHEDULE_DELAY: '100',
          OTEL_BLRP_SCHEDULE_DELAY: '100',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    app.stderr?.on('data', (chunk: Buffer) => {
      appStderr += chunk.toString('utf8');
    });
    appUrl = await readAppUrl(app);
  });

  after(async () => {
    if (app.exitCode === null) {
      app.kill('SIGTERM');
      await once(app, 'exit');
    }
    await sightline.dispose();
  });

  it('stores every span of the request (server, Express, PostgreSQL, fetch, downstream) with session.id', async () => {
    const response = await fetch(`${appUrl}/checkout`, {
      method: 'POST',
      headers: { 'x-session-id': SESSION_ID, 'content-type': 'application/json' },
      body: JSON.stringify({ items: ['book'] }),
    });
    assert.equal(response.status, 200, appStderr);
    const body = (await response.json()) as { sessionId: string; inventory: { baggage: string; sessionId: string } };
    assert.equal(body.sessionId, SESSION_ID);
    assert.equal(body.inventory.sessionId, SESSION_ID, 'the downstream call got the session from baggage');
    assert.match(decodeURIComponent(body.inventory.baggage), new RegExp(`session\\.id=${SESSION_ID}`));
    const traceId = /traceparent;desc="00-([0-9a-f]{32})-/.exec(response.headers.get('server-timing') ?? '')?.[1];
    assert.ok(traceId, `Server-Timing names the trace: ${response.headers.get('server-timing')}`);

    const trace = await waitForTrace(sightline, traceId, (spans) =>
      ['pg.query', 'GET /inventory', 'POST /checkout'].every((name) =>
        spans.some((span) => span.name.startsWith(name)),
      ),
    );
    const names = trace.spans.map((span) => `${span.name} [${span.scope.name}]`);
    const missing = trace.spans.filter(
      (span) => span.attributes['session.id'] !== SESSION_ID || span.sessionId !== SESSION_ID,
    );
    assert.deepEqual(
      missing.map((span) => span.name),
      [],
      `every span carries session.id: ${names.join('; ')}`,
    );
    for (const scope of [
      'instrumentation-http',
      'instrumentation-express',
      'instrumentation-pg',
      'instrumentation-undici',
    ]) {
      assert.ok(
        trace.spans.some((span) => span.scope.name.includes(scope)),
        `a span from ${scope}: ${names.join('; ')}`,
      );
    }

    const logs = await waitFor(async () => {
      const result = await queryApi<SessionLogs>(sightline, `/api/sessions/${encodeURIComponent(SESSION_ID)}/logs`);
      return result.body.logs?.find((log) => log.body === 'order placed');
    });
    assert.equal(logs.sessionId, SESSION_ID);
    assert.equal(logs.attributes['session.id'], SESSION_ID);
    assert.equal(logs.traceId, traceId, 'the log record carries the trace id');
  });
});

async function readAppUrl(child: ChildProcess): Promise<string> {
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`the app exited with ${code} before listening`);
  });
  const listening = (async () => {
    for await (const line of lines) {
      if (line.startsWith('{')) return (JSON.parse(line) as { url: string }).url;
    }
    throw new Error('the app closed stdout before listening');
  })();
  return Promise.race([listening, exited]);
}

async function waitForTrace(
  sightline: SightlineTestServer,
  traceId: string,
  complete: (spans: SessionTraces['traces'][number]['spans']) => boolean,
): Promise<SessionTraces['traces'][number]> {
  return waitFor(async () => {
    const result = await queryApi<SessionTraces>(sightline, `/api/sessions/${encodeURIComponent(SESSION_ID)}/traces`);
    const trace = result.body.traces?.find((candidate) => candidate.traceId === traceId);
    return trace !== undefined && complete(trace.spans) ? trace : undefined;
  });
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not there within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
