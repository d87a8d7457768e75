import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { after, before, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { describeEachEngine } from '../support/describe-each-engine.js';
import { otlpTracesJson, postOtlp } from '../support/otlp-json.js';
import { createTestDatabase, queryApi, TEST_ADMIN_TOKEN, TEST_INGEST_KEY } from '../support/test-server.js';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

/** Runs `sightline start` as a real process and resolves once it prints its URL. */
async function startCli(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'start', '--port', '0', '--db', db], {
    env: {
      ...process.env,
      SIGHTLINE_INGEST_KEY: TEST_INGEST_KEY,
      SIGHTLINE_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      SIGHTLINE_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8');
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`sightline exited with ${code} before listening: ${output}`)));
  });
  return { child, url };
}

await describeEachEngine('acknowledged data survives the server', (engine) => {
  let database: { db: string; drop(): Promise<void> };
  before(async () => {
    database = await createTestDatabase(engine);
  });
  after(async () => {
    await database?.drop();
  });

  it('keeps every acknowledged span after SIGKILL, and shuts down gracefully on SIGTERM', async () => {
    const first = await startCli(database.db);
    const sessionId = randomUUID();
    const acknowledged: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const body = otlpTracesJson(Array.from({ length: 10 }, () => ({ attributes: { 'session.id': sessionId } })));
        const response = await postOtlp(first.url, '/v1/traces', JSON.stringify(body), {
          'x-sightline-key': TEST_INGEST_KEY,
        });
        if (response.status === 200) acknowledged.push(i);
      }),
    );
    assert.equal(acknowledged.length, 20);
    // no goodbye: the process dies the moment the last acknowledgement arrived
    first.child.kill('SIGKILL');
    await once(first.child, 'exit');

    const second = await startCli(database.db);
    const session = await queryApi<{ spanCount: number }>(
      { url: second.url, adminToken: TEST_ADMIN_TOKEN },
      `/api/sessions/${sessionId}`,
    );
    assert.equal(session.status, 200);
    assert.equal(session.body.spanCount, 200);
    const traces = await queryApi<{ traces: unknown[] }>(
      { url: second.url, adminToken: TEST_ADMIN_TOKEN },
      `/api/sessions/${sessionId}/traces`,
    );
    assert.equal(traces.body.traces.length, 200);

    second.child.kill('SIGTERM');
    const [code] = await once(second.child, 'exit');
    assert.equal(code, 0);
  });
});
