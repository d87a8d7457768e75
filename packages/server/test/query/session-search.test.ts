import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decodeSessionCursor,
  encodeSessionCursor,
  getPrefixUpperBound,
  parseSessionSearch,
} from '../../src/query/session-search.js';

describe('parseSessionSearch', () => {
  it('reads every parameter into the filter model, with the defaults', () => {
    assert.deepEqual(parseSessionSearch({}), { filters: {}, sort: 'newest', limit: 50, cursor: undefined });
    const search = parseSessionSearch({
      user: ' user-7 ',
      url: '/checkout',
      hasError: 'false',
      insight: 'dead-click',
      traceId: '5B8EFFF798038103D269B633813FC60C',
      from: '2026-01-01',
      to: '1767261600000',
      minDurationMs: '1500.5',
      maxDurationMs: '60000',
      browser: 'Firefox',
      sort: 'most-errors',
      limit: '10',
      cursor: 'abc',
      somethingElse: 'ignored',
    });
    assert.deepEqual(search, {
      filters: {
        userPrefix: 'user-7',
        urlContains: '/checkout',
        hasError: false,
        insight: 'dead-click',
        traceId: '5b8efff798038103d269b633813fc60c',
        fromMs: Date.parse('2026-01-01T00:00:00Z'),
        toMs: 1767261600000,
        minDurationMs: 1500.5,
        maxDurationMs: 60000,
        browser: 'Firefox',
      },
      sort: 'most-errors',
      limit: 10,
      cursor: 'abc',
    });
  });

  it('reads an ISO date-time without a zone as UTC, never the server local time', () => {
    assert.equal(parseSessionSearch({ from: '2026-01-01T10:00:00' }).filters.fromMs, Date.UTC(2026, 0, 1, 10));
    assert.equal(parseSessionSearch({ from: '2026-01-01T10:00:00+02:00' }).filters.fromMs, Date.UTC(2026, 0, 1, 8));
  });

  it('refuses times past what a date holds, which would overflow microseconds', () => {
    assert.throws(() => parseSessionSearch({ to: '9999999999999999' }), /to must be Unix milliseconds/);
  });
});

describe('session cursors', () => {
  it('round-trip the sort key, and name the sort a cursor belongs to', () => {
    const cursor = encodeSessionCursor('longest', [62_010_200, 'abc']);
    assert.deepEqual(decodeSessionCursor(cursor, 'longest', ['number', 'string']), [62_010_200, 'abc']);
    assert.throws(
      () => decodeSessionCursor(cursor, 'oldest', ['number', 'string']),
      /cursor is for sort 'longest', not 'oldest'/,
    );
    assert.throws(() => decodeSessionCursor(cursor, 'longest', ['number', 'number', 'string']), /invalid cursor/);
  });
});

describe('getPrefixUpperBound', () => {
  it('gives the first string past every string with the prefix, in code point order', () => {
    assert.equal(getPrefixUpperBound('alice'), 'alicf');
    assert.equal(getPrefixUpperBound('user-9'), 'user-:');
    assert.equal(getPrefixUpperBound('a\uD7FF'), 'a\uE000');
    assert.equal(getPrefixUpperBound('a\u{10FFFF}'), 'b');
    assert.equal(getPrefixUpperBound('\u{10FFFF}'), undefined);
    assert.equal(getPrefixUpperBound('é😀'), 'é😁');
  });
});
