import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, it } from 'node:test';
import { describeEachEngine } from '../support/describe-each-engine.js';
import { makeBatch, makeSpan } from '../support/telemetry-fixtures.js';
import { queryApi, startTestServer, type TestServer } from '../support/test-server.js';

interface SessionTraces {
  traces: { traceId: string; startTimeMs: number }[];
  truncated: boolean;
}

await describeEachEngine('GET /api/sessions/:id/traces', (engine) => {
  let test: TestServer;
  before(async () => {
    test = await startTestServer(engine);
  });
  after(async () => {
    await test?.dispose();
  });

  const store = async (sessionId: string, traces: number) => {
    const startUs = Date.parse('2026-06-20T10:00:00Z') * 1000;
    const spans = Array.from({ length: traces }, (_, i) => makeSpan({ sessionId, startUs: startUs + i * 1_000_000 }));
    await test.server.store.insertTelemetry(test.server.defaultOrg.org.id, makeBatch(spans));
    return spans;
  };

  it('lists every trace of a session in start order, and says nothing is left out', async () => {
    const sessionId = randomUUID();
    const spans = await store(sessionId, 3);
    const { body } = await queryApi<SessionTraces>(test, `/api/sessions/${sessionId}/traces`);
    assert.deepEqual(
      body.traces.map((trace) => trace.traceId),
      spans.map((span) => span.traceId),
    );
    assert.equal(body.truncated, false);
  });

  it('lists the first 1000 traces of a longer session, and says there are more', async () => {
    const sessionId = randomUUID();
    const spans = await store(sessionId, 1005);
    const { body } = await queryApi<SessionTraces>(test, `/api/sessions/${sessionId}/traces`);
    assert.equal(body.traces.length, 1000);
    assert.equal(body.traces[0]?.traceId, spans[0]?.traceId);
    assert.equal(body.traces.at(-1)?.traceId, spans[999]?.traceId);
    assert.equal(body.truncated, true);
  });
});
