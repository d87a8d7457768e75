import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createApiClient } from '../../src/api/api-client';
import type { SessionSummary } from '../../src/api/api-types';
import { searchSessions } from '../../src/views/sessions-list/search-sessions';
import { createFakeFetch, jsonResponse } from '../fixtures/fake-fetch';

function summary(sessionId: string, overrides: Partial<SessionSummary> = {}): SessionSummary {
  return {
    sessionId,
    userId: null,
    startedAtMs: 0,
    endedAtMs: 0,
    durationMs: 1_000,
    spanCount: 0,
    logCount: 0,
    errorCount: 0,
    ...overrides,
  };
}

describe('searching sessions', () => {
  test('a server that ignores the filters: the browser filters and fetches on until enough match', async () => {
    const pages: Record<string, { sessions: SessionSummary[]; nextCursor: string | null }> = {
      '': { sessions: [summary('a'), summary('b', { jsErrorCount: 1 })], nextCursor: 'p2' },
      p2: { sessions: [summary('c'), summary('d', { errorCount: 1 })], nextCursor: 'p3' },
      p3: { sessions: [summary('e', { errorCount: 3 })], nextCursor: null },
    };
    const fake = createFakeFetch((url) => {
      const cursor = new URL(url, 'http://x').searchParams.get('cursor') ?? '';
      return jsonResponse(pages[cursor]);
    });
    const page = await searchSessions(createApiClient({ fetch: fake.fetch }), { hasError: true }, { minMatches: 2 });
    assert.deepEqual(
      page.sessions.map((s) => s.sessionId),
      ['b', 'd'],
    );
    assert.equal(page.nextCursor, 'p3');
    assert.equal(page.scanned, 4);
    assert.ok(fake.requests.every((request) => request.url.includes('hasError=true')));
  });

  test('stops after the page budget even if few sessions matched', async () => {
    const fake = createFakeFetch(() => jsonResponse({ sessions: [summary('x')], nextCursor: 'more' }));
    const page = await searchSessions(
      createApiClient({ fetch: fake.fetch }),
      { user: 'nobody' },
      { maxServerPages: 3 },
    );
    assert.equal(fake.requests.length, 3);
    assert.deepEqual(page.sessions, []);
    assert.equal(page.nextCursor, 'more');
  });
});
