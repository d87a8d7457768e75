import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SessionSummary } from '../../src/api/api-types';
import { matchesSessionFilters } from '../../src/sessions/match-session-filters';
import { countErrors, readFrustrationCounts, readInsightCount } from '../../src/sessions/session-counts';
import { hasActiveFilters, type SessionSort } from '../../src/sessions/session-filters';
import { sortSessions } from '../../src/sessions/sort-sessions';

function session(overrides: Partial<SessionSummary> = {}): SessionSummary {
  return {
    sessionId: 'session-1',
    userId: 'ada@example.com',
    startedAtMs: 1_000_000,
    endedAtMs: 1_060_000,
    durationMs: 60_000,
    spanCount: 3,
    logCount: 1,
    errorCount: 0,
    hasReplay: true,
    firstUrl: 'https://shop.example/',
    urls: ['https://shop.example/', 'https://shop.example/checkout'],
    browser: 'Chrome',
    jsErrorCount: 0,
    ...overrides,
  };
}

describe('checking filters in the browser, with the server meaning', () => {
  test('user is a case-sensitive prefix; url a case-insensitive substring of any URL', () => {
    const s = session();
    assert.equal(matchesSessionFilters(s, {}), true);
    assert.equal(matchesSessionFilters(s, { user: 'ada@' }), true);
    assert.equal(matchesSessionFilters(s, { user: 'ADA' }), false);
    assert.equal(matchesSessionFilters(s, { user: 'example' }), false);
    assert.equal(matchesSessionFilters(session({ userId: null }), { user: 'a' }), false);
    assert.equal(matchesSessionFilters(s, { url: '/CHECKOUT' }), true);
    assert.equal(matchesSessionFilters(s, { url: '/admin' }), false);
  });

  test('hasError true and false', () => {
    assert.equal(matchesSessionFilters(session(), { hasError: true }), false);
    assert.equal(matchesSessionFilters(session(), { hasError: false }), true);
    assert.equal(matchesSessionFilters(session({ jsErrorCount: 1 }), { hasError: true }), true);
    assert.equal(matchesSessionFilters(session({ errorCount: 2 }), { hasError: true }), true);
    assert.equal(matchesSessionFilters(session({ errorCount: 2 }), { hasError: false }), false);
  });

  test('the time range keeps sessions that overlap it; durations are inclusive bounds', () => {
    const s = session();
    assert.equal(matchesSessionFilters(s, { from: 1_030_000 }), true);
    assert.equal(matchesSessionFilters(s, { from: 1_060_001 }), false);
    assert.equal(matchesSessionFilters(s, { to: 999_999 }), false);
    assert.equal(matchesSessionFilters(s, { from: 1_000_000, to: 1_000_000 }), true);
    assert.equal(matchesSessionFilters(s, { minDurationMs: 60_000, maxDurationMs: 60_000 }), true);
    assert.equal(matchesSessionFilters(s, { minDurationMs: 61_000 }), false);
    assert.equal(matchesSessionFilters(s, { maxDurationMs: 59_000 }), false);
  });

  test('browser is the whole name, ignoring case', () => {
    assert.equal(matchesSessionFilters(session(), { browser: 'chrome' }), true);
    assert.equal(matchesSessionFilters(session(), { browser: 'Chrom' }), false);
    assert.equal(matchesSessionFilters(session({ browser: null }), { browser: 'Chrome' }), false);
  });

  test('insights by counter, else by the listed findings; unknown lets the session through', () => {
    assert.equal(matchesSessionFilters(session(), { insight: 'rage-click' }), true);
    assert.equal(matchesSessionFilters(session({ rageClickCount: 0 }), { insight: 'rage-click' }), false);
    assert.equal(matchesSessionFilters(session({ rageClickCount: 2 }), { insight: 'rage-click' }), true);
    assert.equal(matchesSessionFilters(session({ insights: [] }), { insight: 'dead-click' }), false);
    assert.equal(
      matchesSessionFilters(session({ insights: [{ type: 'dead-click', timeMs: 1 }] }), { insight: 'dead-click' }),
      true,
    );
    assert.equal(matchesSessionFilters(session(), { traceId: 'a'.repeat(32) }), true);
  });

  test('sorting is not a filter', () => {
    assert.equal(hasActiveFilters({ sort: 'longest' }), false);
    assert.equal(hasActiveFilters({ hasError: false }), true);
  });
});

describe('sorting loaded sessions', () => {
  const list = [
    session({ sessionId: 'a', startedAtMs: 3, durationMs: 5, errorCount: 1 }),
    session({ sessionId: 'b', startedAtMs: 1, durationMs: 9, jsErrorCount: 2 }),
    session({ sessionId: 'c', startedAtMs: 2, durationMs: 5, errorCount: 1 }),
  ];
  const order = (sort: SessionSort) => sortSessions(list, sort).map((s) => s.sessionId);

  test('as the server orders each sort', () => {
    assert.deepEqual(order('newest'), ['a', 'c', 'b']);
    assert.deepEqual(order('oldest'), ['b', 'c', 'a']);
    // equal durations keep the order they came in
    assert.deepEqual(order('longest'), ['b', 'a', 'c']);
    // most errors first, then newest
    assert.deepEqual(order('most-errors'), ['b', 'a', 'c']);
  });
});

describe('session counts', () => {
  test('insight counts from counters, else from the findings, else unknown', () => {
    assert.equal(readInsightCount(session({ slowFrameCount: 7, insights: [] }), 'slow-frame'), 7);
    assert.equal(readInsightCount(session({ insights: [{ type: 'slow-frame', timeMs: 1 }] }), 'slow-frame'), 1);
    assert.equal(readInsightCount(session(), 'slow-frame'), undefined);
    assert.deepEqual(readFrustrationCounts(session({ rageClickCount: 2, deadClickCount: 1 })), { rage: 2, dead: 1 });
    assert.deepEqual(
      readFrustrationCounts(
        session({
          insights: [
            { type: 'rage-click', timeMs: 1 },
            { type: 'dead-click', timeMs: 2 },
            { type: 'dead-click', timeMs: 3 },
          ],
        }),
      ),
      { rage: 1, dead: 2 },
    );
    assert.equal(readFrustrationCounts(session()), undefined);
    assert.equal(countErrors(session({ errorCount: 2, jsErrorCount: 3 })), 5);
  });
});
