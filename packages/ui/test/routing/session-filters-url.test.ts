import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseSessionFilters, serializeSessionFilters } from '../../src/routing/session-filters-url';
import type { SessionFilters } from '../../src/sessions/session-filters';

describe('session filters in the URL', () => {
  test('every filter survives a round trip through the query string', () => {
    const filters: SessionFilters = {
      user: 'ada@example.com',
      url: '/checkout',
      hasError: true,
      insight: 'rage-click',
      traceId: '5b8efff798038103d269b633813fc60c',
      from: 1_795_000_000_000,
      to: 1_795_100_000_000,
      minDurationMs: 30_000,
      maxDurationMs: 600_000,
      browser: 'Firefox',
      sort: 'most-errors',
    };
    const search = serializeSessionFilters(filters).toString();
    assert.deepEqual(parseSessionFilters(search), filters);
  });

  test('uses the exact parameter names the server implements, in a fixed order', () => {
    const search = serializeSessionFilters({
      sort: 'longest',
      browser: 'Chrome',
      hasError: true,
      user: 'u1',
    }).toString();
    assert.equal(search, 'user=u1&hasError=true&browser=Chrome&sort=longest');
    assert.equal(serializeSessionFilters({ hasError: false }).toString(), 'hasError=false');
  });

  test('leaves the default sort and empty values out', () => {
    assert.equal(serializeSessionFilters({ sort: 'newest' }).toString(), '');
    assert.deepEqual(parseSessionFilters('?user=&url=%20%20&hasError=maybe'), {});
  });

  test('drops malformed values instead of failing', () => {
    const filters = parseSessionFilters(
      '?traceId=nothex&insight=bogus&from=yesterday&minDurationMs=-5&maxDurationMs=abc&sort=-durationMs',
    );
    assert.deepEqual(filters, {});
  });

  test('accepts ISO dates and `true` from hand-written links, and normalises a trace id', () => {
    const filters = parseSessionFilters(
      '?from=2026-03-01T00:00:00Z&hasError=true&traceId=5B8EFFF798038103D269B633813FC60C',
    );
    assert.equal(filters.from, Date.parse('2026-03-01T00:00:00Z'));
    assert.equal(filters.hasError, true);
    assert.equal(filters.traceId, '5b8efff798038103d269b633813fc60c');
  });

  test('caps free text so a pasted novel does not become a query', () => {
    const filters = parseSessionFilters(`?user=${'x'.repeat(1000)}`);
    assert.equal(filters.user?.length, 256);
  });

  test('sort: the four orders the server knows, anything else is the default', () => {
    assert.equal(parseSessionFilters('?sort=oldest').sort, 'oldest');
    assert.equal(parseSessionFilters('?sort=most-errors').sort, 'most-errors');
    assert.equal(parseSessionFilters('?sort=constructor').sort, undefined);
  });
});
