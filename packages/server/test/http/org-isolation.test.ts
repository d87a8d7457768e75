import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, it } from 'node:test';
import { createOrgWithKeys, type OrgCredentials } from '../../src/orgs/create-org.js';
import { describeEachEngine } from '../support/describe-each-engine.js';
import { otlpTracesJson, postOtlp } from '../support/otlp-json.js';
import { queryApi, startTestServer, type TestServer } from '../support/test-server.js';

await describeEachEngine('org isolation', (engine) => {
  let test: TestServer;
  let orgB: OrgCredentials;
  const sessionOfA = randomUUID();
  const sessionOfB = randomUUID();
  let traceOfA = '';

  before(async () => {
    test = await startTestServer(engine);
    orgB = await createOrgWithKeys(test.server.store, `org-b-${randomUUID()}`);
    const bodyA = otlpTracesJson([{ name: 'secret of A', attributes: { 'session.id': sessionOfA } }]);
    traceOfA = bodyA.resourceSpans[0]?.scopeSpans[0]?.spans[0]?.traceId ?? '';
    const a = await postOtlp(test.url, '/v1/traces', JSON.stringify(bodyA), { 'x-sightline-key': test.ingestKey });
    const b = await postOtlp(
      test.url,
      '/v1/traces',
      JSON.stringify(otlpTracesJson([{ name: 'span of B', attributes: { 'session.id': sessionOfB } }])),
      { 'x-sightline-key': orgB.ingestKey },
    );
    assert.equal(a.status, 200);
    assert.equal(b.status, 200);
  });
  after(async () => {
    await test?.dispose();
  });

  it("org B's token sees none of org A's sessions, traces or logs", async () => {
    const asB = { url: test.url, adminToken: orgB.adminToken };
    const sessions = await queryApi<{ sessions: { sessionId: string }[] }>(asB, '/api/sessions?limit=500');
    assert.deepEqual(
      sessions.body.sessions.map((session) => session.sessionId),
      [sessionOfB],
    );
    assert.equal((await queryApi(asB, `/api/sessions/${sessionOfA}`)).status, 404);
    const traces = await queryApi<{ traces: unknown[] }>(asB, `/api/sessions/${sessionOfA}/traces`);
    assert.deepEqual(traces.body.traces, []);
    const logs = await queryApi<{ logs: unknown[] }>(asB, `/api/sessions/${sessionOfA}/logs`);
    assert.deepEqual(logs.body.logs, []);
    assert.equal((await queryApi(asB, `/api/traces/${traceOfA}`)).status, 404);
    // and org A still sees its own
    assert.equal((await queryApi(test, `/api/traces/${traceOfA}`)).status, 200);
  });

  it("org B's token cannot reach org A's rows through SQL either", async () => {
    const asB = { url: test.url, adminToken: orgB.adminToken };
    const result = await queryApi<{ rows: unknown[][] }>(asB, '/api/query', {
      body: { sql: `SELECT name FROM traces WHERE session_id = '${sessionOfA}' OR name = 'secret of A'` },
    });
    assert.equal(result.status, 200, JSON.stringify(result.body));
    assert.deepEqual(result.body.rows, []);
    const all = await queryApi<{ rows: unknown[][] }>(asB, '/api/query', { body: { sql: 'SELECT name FROM traces' } });
    assert.deepEqual(all.body.rows, [['span of B']]);
  });

  it('refuses requests without a valid admin token, and ingest keys cannot read', async () => {
    const anonymous = await fetch(`${test.url}/api/sessions`);
    assert.equal(anonymous.status, 401);
    assert.match(((await anonymous.json()) as { error: { message: string } }).error.message, /Bearer/);
    assert.equal((await queryApi(test, '/api/sessions', { token: 'sl_admin_wrong' })).status, 401);
    const withIngestKey = await queryApi<{ error: { code: string } }>(test, '/api/sessions', { token: test.ingestKey });
    assert.equal(withIngestKey.status, 403);
    assert.equal(withIngestKey.body.error.code, 'forbidden');
  });
});

await describeEachEngine('keyless ingest', (engine) => {
  let test: TestServer;
  before(async () => {
    // listening on every interface: keyless ingest must be refused
    test = await startTestServer(engine, { host: '0.0.0.0' });
  });
  after(async () => {
    await test?.dispose();
  });

  it('is refused when the server listens beyond loopback', async () => {
    const url = test.url.replace('0.0.0.0', '127.0.0.1');
    const response = await postOtlp(url, '/v1/traces', JSON.stringify(otlpTracesJson([{}])));
    assert.equal(response.status, 401);
    assert.match(response.text, /missing ingest key/);
    const withKey = await postOtlp(url, '/v1/traces', JSON.stringify(otlpTracesJson([{}])), {
      'x-sightline-key': test.ingestKey,
    });
    assert.equal(withKey.status, 200);
  });
});
