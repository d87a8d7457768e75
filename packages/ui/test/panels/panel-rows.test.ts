import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { matchesConsoleFilter, toConsoleRow } from '../../src/panels/console/console-rows';
import { appendEventRow, createEventRowDeriver, type EventRow } from '../../src/panels/events/event-rows';
import { findCurrentIndex, sortByTime } from '../../src/panels/follow-playback';
import { describeStatus, formatBody, shortenUrl, toNetworkRow } from '../../src/panels/network/network-rows';
import { placeRow } from '../../src/panels/panel-row';
import { computeVisibleRange, scrollTopToReveal } from '../../src/panels/visible-range';
import { createNodeLabelIndex } from '../../src/replay/node-label-index';
import type { RecordedEvent } from '../../src/replay/recorded-event';
import { click, custom, fullSnapshot, input, meta, network, T0 } from '../fixtures/replay-events';

describe('following the playhead', () => {
  const rows = [{ timeMs: 0 }, { timeMs: 100 }, { timeMs: 100 }, { timeMs: 250 }];

  test('the current row is the last one at or before the playhead', () => {
    assert.equal(findCurrentIndex(rows, -5), -1);
    assert.equal(findCurrentIndex(rows, 0), 0);
    assert.equal(findCurrentIndex(rows, 150), 2);
    assert.equal(findCurrentIndex(rows, 10_000), 3);
    assert.equal(findCurrentIndex([], 10), -1);
    assert.equal(placeRow(1, 2), 'past');
    assert.equal(placeRow(2, 2), 'current');
    assert.equal(placeRow(3, 2), 'future');
  });

  test('sorting by time keeps the recorded order of ties', () => {
    const sorted = sortByTime([
      { timeMs: 5, id: 'a' },
      { timeMs: 1, id: 'b' },
      { timeMs: 5, id: 'c' },
    ]);
    assert.deepEqual(
      sorted.map((row) => row.id),
      ['b', 'a', 'c'],
    );
  });

  test('a virtual list renders what is on screen plus overscan', () => {
    assert.deepEqual(computeVisibleRange(0, 260, 26, 50_000, 5), { start: 0, end: 16 });
    assert.deepEqual(computeVisibleRange(26_000, 260, 26, 50_000, 5), { start: 995, end: 1_016 });
    assert.deepEqual(computeVisibleRange(0, 260, 26, 0), { start: 0, end: 0 });
    assert.deepEqual(computeVisibleRange(1e9, 260, 26, 10, 5), { start: 10, end: 10 });
  });

  test('scrolls only when the followed row is off screen or at an edge', () => {
    assert.equal(scrollTopToReveal(5, 0, 260, 26), undefined);
    assert.equal(scrollTopToReveal(100, 0, 260, 26), 2_626 - 130);
    assert.equal(scrollTopToReveal(0, 2_000, 260, 26), 0);
    assert.equal(scrollTopToReveal(-1, 0, 260, 26), undefined);
  });
});

describe('event rows', () => {
  test('clicks with their target, typing merged per field, page changes once each', () => {
    const labels = createNodeLabelIndex();
    const deriver = createEventRowDeriver(T0, labels);
    const events: RecordedEvent[] = [
      meta(T0, 'https://shop.example/'),
      fullSnapshot(T0),
      click(T0 + 1_000, 6),
      input(T0 + 2_000, 4, 'a'),
      input(T0 + 2_500, 4, 'ab'),
      input(T0 + 9_000, 4, 'abc'),
      custom(T0 + 10_000, 'navigation', { kind: 'load', to: 'https://shop.example/' }),
      custom(T0 + 11_000, 'navigation', { kind: 'popstate', to: 'https://shop.example/cart' }),
      custom(T0 + 12_000, 'identify', { userId: 'ada', traits: { plan: 'pro' } }),
      custom(T0 + 13_000, 'track', { name: 'checkout_started', properties: { items: 2 } }),
      custom(T0 + 14_000, 'dropped', { reason: 'mutation-storm', count: 512 }),
      custom(T0 + 15_000, 'session', { sampled: 'buffered' }),
    ];
    const rows = [];
    for (const event of events) {
      labels.add(event);
      const row = deriver.next(event);
      if (row) rows.push(row);
    }
    assert.deepEqual(
      rows.map((row) => [row.kind, row.timeMs, row.title, row.detail]),
      [
        ['page', 0, 'Page', 'https://shop.example/'],
        ['click', 1_000, 'Click', 'button#pay "Pay now"'],
        ['input', 2_000, 'Input', 'button#pay "Pay now" ← "ab"'],
        ['input', 9_000, 'Input', 'button#pay "Pay now" ← "abc"'],
        ['navigation', 11_000, 'Back/forward', 'https://shop.example/cart'],
        ['identify', 12_000, 'Identified', 'ada'],
        ['track', 13_000, 'checkout_started', '{"items":2}'],
        ['dropped', 14_000, 'Recording gap', '512 events dropped (mutation-storm)'],
      ],
    );
  });

  test('leaving a page is a row only when no page follows it (the tab was closed)', () => {
    const deriver = createEventRowDeriver(T0);
    const left = (timestamp: number, from: string) =>
      custom(timestamp, 'navigation', { kind: 'pagehide', from, to: '' });
    const rows: EventRow[] = [];
    for (const event of [
      meta(T0, 'https://shop.example/'),
      left(T0 + 1_000, 'https://shop.example/'),
      meta(T0 + 1_100, 'https://shop.example/cart'),
      click(T0 + 2_000, 6),
      left(T0 + 3_000, 'https://shop.example/cart'),
    ]) {
      const row = deriver.next(event);
      if (row) appendEventRow(rows, row);
    }
    assert.deepEqual(
      rows.map((row) => [row.kind, row.timeMs, row.title, row.detail]),
      [
        ['page', 0, 'Page', 'https://shop.example/'],
        ['page', 1_100, 'Page', 'https://shop.example/cart'],
        ['click', 2_000, 'Click', undefined],
        ['left', 3_000, 'Left the page', 'https://shop.example/cart'],
      ],
    );
  });
});

describe('console rows', () => {
  test('console calls and uncaught errors with their stacks', () => {
    const log = toConsoleRow(custom(T0 + 10, 'console', { level: 'warn', args: ['slow', '42'], truncated: true }), T0);
    assert.deepEqual(log, { timeMs: 10, level: 'warn', message: 'slow 42 …' });
    const error = toConsoleRow(
      custom(T0 + 20, 'error', {
        kind: 'unhandledrejection',
        message: 'fetch failed',
        name: 'TypeError',
        stack: 'TypeError: fetch failed\n    at pay (app.js:1:2)',
        source: 'https://shop.example/app.js',
        line: 1,
        column: 2,
      }),
      T0,
    );
    assert.equal(error?.level, 'exception');
    assert.equal(error?.message, 'Unhandled rejection: TypeError: fetch failed');
    assert.equal(error?.location, 'https://shop.example/app.js:1:2');
    assert.match(error?.stack ?? '', /at pay/);
    const uncaught = toConsoleRow(
      custom(T0 + 30, 'error', { kind: 'error', message: 'Uncaught Error: Checkout exploded', name: 'Error' }),
      T0,
    );
    assert.equal(uncaught?.message, 'Error: Checkout exploded', "the browser's 'Uncaught Error:' is not doubled");
    assert.equal(toConsoleRow(click(T0), T0), undefined);
    assert.equal(toConsoleRow(custom(T0, 'console', { level: 'assert', args: [] }), T0)?.level, 'error');
  });

  test('level filters', () => {
    const row = (level: 'log' | 'warn' | 'error' | 'exception') => ({ timeMs: 0, level, message: '' });
    assert.equal(matchesConsoleFilter(row('log'), 'all'), true);
    assert.equal(matchesConsoleFilter(row('log'), 'problems'), false);
    assert.equal(matchesConsoleFilter(row('warn'), 'problems'), true);
    assert.equal(matchesConsoleFilter(row('warn'), 'errors'), false);
    assert.equal(matchesConsoleFilter(row('exception'), 'errors'), true);
  });
});

describe('network rows', () => {
  test('placed at the request start, with the trace id the recorder propagated', () => {
    const row = toNetworkRow(
      network(T0 + 500, {
        method: 'post',
        status: 503,
        startMs: T0 + 300,
        durationMs: 200,
        traceId: '5B8EFFF798038103D269B633813FC60C',
        responseBytes: 120,
      }),
      T0,
    );
    assert.deepEqual(row, {
      timeMs: 300,
      method: 'POST',
      url: 'https://shop.example/api/cart',
      status: 503,
      durationMs: 200,
      initiator: 'fetch',
      failed: true,
      traceId: '5b8efff798038103d269b633813fc60c',
      responseBytes: 120,
    });
  });

  test('headers and bodies of an allow-listed request come with it; anything but text is dropped', () => {
    const row = toNetworkRow(
      network(T0 + 500, {
        method: 'POST',
        requestBytes: 31,
        requestHeaders: { 'content-type': 'application/json', 'x-count': 3, bad: { nested: true } },
        responseHeaders: ['not', 'a', 'map'],
        requestBody: '{"sku":"mug","qty":2}',
        responseBody: 42,
      }),
      T0,
    );
    assert.equal(row?.requestBytes, 31);
    assert.deepEqual(row?.requestHeaders, { 'content-type': 'application/json' });
    assert.equal(row?.responseHeaders, undefined);
    assert.equal(row?.requestBody, '{"sku":"mug","qty":2}');
    assert.equal(row?.responseBody, undefined);
  });

  test('a JSON body is shown indented, anything else as it came', () => {
    assert.equal(formatBody('{"sku":"mug","qty":2}'), '{\n  "sku": "mug",\n  "qty": 2\n}');
    assert.equal(formatBody('sku=mug&qty=2'), 'sku=mug&qty=2');
    assert.equal(formatBody('{"cut off'), '{"cut off');
  });

  test('an all-zero or malformed trace id is no link', () => {
    assert.equal(toNetworkRow(network(T0, { traceId: '0'.repeat(32) }), T0)?.traceId, undefined);
    assert.equal(toNetworkRow(network(T0, { traceId: 'abc' }), T0)?.traceId, undefined);
  });

  test('short URLs and status text', () => {
    assert.equal(
      shortenUrl('https://shop.example/api/cart?id=[redacted]', 'https://shop.example'),
      '/api/cart?id=[redacted]',
    );
    assert.equal(shortenUrl('https://cdn.example/x.js', 'https://shop.example'), 'cdn.example/x.js');
    assert.equal(shortenUrl('not a url'), 'not a url');
    const failed = toNetworkRow(network(T0, { status: 0, failed: true, failureReason: 'timeout' }), T0);
    assert.ok(failed);
    assert.equal(describeStatus(failed), 'timeout');
    const beacon = toNetworkRow(network(T0, { status: 0, initiator: 'beacon' }), T0);
    assert.ok(beacon);
    assert.equal(describeStatus(beacon), '—');
  });
});
