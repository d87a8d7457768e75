import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, it } from 'node:test';
import { createOrgWithKeys, type OrgCredentials } from '../../src/orgs/create-org.js';
import { EVENT_STREAM_PAGE_BATCHES } from '../../src/query/stream-session-events.js';
import { describeEachEngine } from '../support/describe-each-engine.js';
import { replayEvents as e, makeReplayBatch, postReplay, type TestReplayEvent } from '../support/replay-fixtures.js';
import { queryApi, startTestServer, type TestServer } from '../support/test-server.js';

const T0 = Date.parse('2026-06-11T08:00:00Z');

interface EventsBody {
  sessionId: string;
  events: TestReplayEvent[];
  nextSeq: number | null;
}

await describeEachEngine('replay events: GET /api/sessions/:id/events', (engine) => {
  let test: TestServer;
  let orgB: OrgCredentials;
  before(async () => {
    test = await startTestServer(engine);
    orgB = await createOrgWithKeys(test.server.store, `replay-org-b-${randomUUID()}`);
  });
  after(async () => {
    await test?.dispose();
  });

  async function send(sessionId: string, seq: number, events: TestReplayEvent[], key = test.ingestKey) {
    const result = await postReplay(test.url, makeReplayBatch(sessionId, seq, events), { key });
    assert.deepEqual(result.body, { stored: true });
  }

  it('returns batches by seq and events as sent, even when batches arrive out of order', async () => {
    const sessionId = randomUUID();
    const batch0 = [
      e.meta(T0, 'https://shop.example/'),
      e.fullSnapshot(T0),
      // same millisecond, in an order a timestamp sort could not restore
      e.mutation(T0 + 50),
      e.click(T0 + 50, 11),
      e.input(T0 + 50, 'a', 12),
    ];
    // the recorder's clock went back a little between batches: order must still be by seq
    const batch1 = [e.click(T0 + 40, 21), e.scroll(T0 + 60)];
    const batch2 = [e.meta(T0 + 100, 'https://shop.example/cart'), e.fullSnapshot(T0 + 100), e.click(T0 + 100, 31)];
    await send(sessionId, 2, batch2);
    await send(sessionId, 0, batch0);
    await send(sessionId, 1, batch1);

    const response = await fetch(`${test.url}/api/sessions/${sessionId}/events`, {
      headers: { authorization: `Bearer ${test.adminToken}` },
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    const body = (await response.json()) as EventsBody;
    assert.equal(body.sessionId, sessionId);
    assert.deepEqual(body.events, [...batch0, ...batch1, ...batch2]);
    assert.equal(body.events.filter((event) => event.type === 2).length, 2);
    assert.equal(body.nextSeq, null);
  });

  it('pages with fromSeq and maxBatches, and says where the next page starts', async () => {
    const sessionId = randomUUID();
    for (const seq of [0, 1, 2, 4]) await send(sessionId, seq, [e.click(T0 + seq, seq)]);
    const read = (query: string) => queryApi<EventsBody>(test, `/api/sessions/${sessionId}/events${query}`);

    const first = await read('?maxBatches=2');
    assert.deepEqual(
      first.body.events.map((event) => (event.data as { id: number }).id),
      [0, 1],
    );
    assert.equal(first.body.nextSeq, 2);
    // seq 3 never arrived: the page after 2 goes on at 4
    const second = await read('?fromSeq=2&maxBatches=2');
    assert.deepEqual(
      second.body.events.map((event) => (event.data as { id: number }).id),
      [2, 4],
    );
    assert.equal(second.body.nextSeq, null);
    const past = await read('?fromSeq=9');
    assert.equal(past.status, 200);
    assert.deepEqual(past.body.events, []);
    assert.equal(past.body.nextSeq, null);
  });

  it('streams a session of more batches than one store page, in order', async () => {
    const sessionId = randomUUID();
    const batches = EVENT_STREAM_PAGE_BATCHES + 7;
    for (let seq = 0; seq < batches; seq++) {
      await send(sessionId, seq, [e.click(T0 + seq, seq * 2), e.click(T0 + seq, seq * 2 + 1)]);
    }
    const { body } = await queryApi<EventsBody>(test, `/api/sessions/${sessionId}/events`);
    assert.deepEqual(
      body.events.map((event) => (event.data as { id: number }).id),
      Array.from({ length: batches * 2 }, (_, i) => i),
    );
  });

  it('answers 404 for a session without replay, also when another org has it', async () => {
    const sessionId = randomUUID();
    await send(sessionId, 0, [e.click(T0)], orgB.ingestKey);
    const asA = await queryApi<{ error: { message: string } }>(test, `/api/sessions/${sessionId}/events`);
    assert.equal(asA.status, 404);
    assert.match(asA.body.error.message, /no replay for session/);
    const asB = await queryApi<EventsBody>(
      { url: test.url, adminToken: orgB.adminToken },
      `/api/sessions/${sessionId}/events`,
    );
    assert.equal(asB.status, 200);
    assert.equal(asB.body.events.length, 1);
  });

  it('refuses bad parameters and missing credentials with a reason', async () => {
    const sessionId = randomUUID();
    await send(sessionId, 0, [e.click(T0)]);
    const badSeq = await queryApi<{ error: { message: string } }>(test, `/api/sessions/${sessionId}/events?fromSeq=-1`);
    assert.equal(badSeq.status, 400);
    assert.match(badSeq.body.error.message, /fromSeq must be an integer/);
    const badId = await queryApi(test, '/api/sessions/bad%20id/events');
    assert.equal(badId.status, 400);
    const noToken = await fetch(`${test.url}/api/sessions/${sessionId}/events`);
    assert.equal(noToken.status, 401);
    const ingestKey = await queryApi(test, `/api/sessions/${sessionId}/events`, { token: test.ingestKey });
    assert.equal(ingestKey.status, 403);
  });
});
