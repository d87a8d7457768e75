import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import type { SessionDetail } from '../../src/storage/store.js';
import { describeEachEngine } from '../support/describe-each-engine.js';
import { replayEvents as e, makeReplayBatch, postReplay } from '../support/replay-fixtures.js';
import { queryApi, startTestServer, type TestServer } from '../support/test-server.js';

const T0 = Date.parse('2026-06-12T09:00:00Z');

/** The recorder's marker for the page being left. */
const leave = (timeMs: number) =>
  e.custom(timeMs, 'sightline.navigation', { kind: 'pagehide', from: 'https://shop.example/pay', to: '' });

await describeEachEngine('insights at the end of a recording', (engine) => {
  let test: TestServer;
  before(async () => {
    test = await startTestServer(engine, { insightSettleMs: 1000 });
  });
  after(async () => {
    await test?.dispose();
  });

  const send = async (sessionId: string, events: ReturnType<typeof e.click>[]) => {
    const result = await postReplay(
      test.url,
      makeReplayBatch(sessionId, 0, [e.meta(T0, 'https://shop.example/pay'), ...events]),
      {
        key: test.ingestKey,
      },
    );
    assert.equal(result.status, 200);
  };
  const session = async (sessionId: string) => (await queryApi<SessionDetail>(test, `/api/sessions/${sessionId}`)).body;

  it('decides a click the tab was closed right after on ingest: leaving answered it', async () => {
    const sessionId = randomUUID();
    await send(sessionId, [e.click(T0 + 1000, 8), leave(T0 + 1400)]);
    const stored = await session(sessionId);
    assert.deepEqual(stored.insights, []);
    assert.equal(stored.deadClickCount, 0);
  });

  it('decides on ingest a click that got no answer for 1.5 s before the page was left', async () => {
    const sessionId = randomUUID();
    await send(sessionId, [e.click(T0 + 1000, 8), e.mouseMove(T0 + 2000), leave(T0 + 3000)]);
    assert.deepEqual((await session(sessionId)).insights, [{ type: 'dead-click', timeMs: T0 + 1000, targetId: 8 }]);
  });

  it('settles a click followed by no batch at all once the session has been idle for a while', async () => {
    const sessionId = randomUUID();
    await send(sessionId, [e.click(T0 + 1000, 8), e.mouseMove(T0 + 1100)]);
    assert.equal((await session(sessionId)).deadClickCount, 0, 'undecided while a batch may still come');
    const deadline = Date.now() + 15_000;
    let stored = await session(sessionId);
    while (stored.deadClickCount === 0 && Date.now() < deadline) {
      await delay(100);
      stored = await session(sessionId);
    }
    assert.equal(stored.deadClickCount, 1);
    assert.deepEqual(stored.insights, [{ type: 'dead-click', timeMs: T0 + 1000, targetId: 8 }]);
    const listed = await queryApi<{ sessions: { sessionId: string }[] }>(test, '/api/sessions?insight=dead-click');
    assert.ok(
      listed.body.sessions.some((item) => item.sessionId === sessionId),
      'the insight filter finds it',
    );
  });
});
