import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createApiClient } from '../../src/api/api-client';
import { loadSessionEvents, NEXT_SEQ_HEADER } from '../../src/api/session-events-loader';
import { createFakeFetch, jsonResponse } from '../fixtures/fake-fetch';

function event(timestamp: number) {
  return { type: 3, timestamp, data: { source: 1 } };
}

async function collect(iterable: AsyncIterable<{ events: unknown[]; dropped: number; done: boolean }>) {
  const chunks = [];
  for await (const chunk of iterable) chunks.push(chunk);
  return chunks;
}

describe('loading replay events page by page', () => {
  test('a small first page, then bigger ones, following nextSeq from the body', async () => {
    const fake = createFakeFetch((url) => {
      const from = Number(new URL(url, 'http://x').searchParams.get('fromSeq'));
      if (from === 0) return jsonResponse({ sessionId: 's', events: [event(1), event(2)], nextSeq: 5 });
      if (from === 5) return jsonResponse({ sessionId: 's', events: [event(3)], nextSeq: 55 });
      return jsonResponse({ sessionId: 's', events: [event(4)], nextSeq: null });
    });
    const chunks = await collect(
      loadSessionEvents(createApiClient({ fetch: fake.fetch }), 'session-1', { firstPageBatches: 5 }),
    );
    assert.deepEqual(
      fake.requests.map((request) => request.url),
      [
        '/api/sessions/session-1/events?fromSeq=0&maxBatches=5',
        '/api/sessions/session-1/events?fromSeq=5&maxBatches=50',
        '/api/sessions/session-1/events?fromSeq=55&maxBatches=50',
      ],
    );
    assert.deepEqual(
      chunks.map((chunk) => [chunk.events.length, chunk.done]),
      [
        [2, false],
        [1, false],
        [1, true],
      ],
    );
  });

  test('reads the next seq from the response header when the body has none', async () => {
    let calls = 0;
    const fake = createFakeFetch(() => {
      calls += 1;
      return calls === 1
        ? jsonResponse({ sessionId: 's', events: [event(1)] }, 200, { [NEXT_SEQ_HEADER]: '3' })
        : jsonResponse({ sessionId: 's', events: [event(2)] });
    });
    const chunks = await collect(loadSessionEvents(createApiClient({ fetch: fake.fetch }), 'session-1'));
    assert.equal(chunks.length, 2);
    assert.match(fake.requests[1]?.url ?? '', /fromSeq=3/);
  });

  test('drops malformed events and never loops on a seq that does not advance', async () => {
    const fake = createFakeFetch(() =>
      jsonResponse({ sessionId: 's', events: [event(1), { type: 'x' }, null, event(2)], nextSeq: 0 }),
    );
    const chunks = await collect(loadSessionEvents(createApiClient({ fetch: fake.fetch }), 'session-1'));
    assert.equal(fake.requests.length, 1);
    assert.deepEqual(
      chunks.map((chunk) => [chunk.events.length, chunk.dropped, chunk.done]),
      [[2, 2, true]],
    );
  });

  test('a body without events is an invalid response', async () => {
    const fake = createFakeFetch(() => jsonResponse({ sessionId: 's' }));
    await assert.rejects(collect(loadSessionEvents(createApiClient({ fetch: fake.fetch }), 'session-1')), {
      code: 'invalid_response',
    });
  });
});
