import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReplayBatch } from '../../../src/ingest/replay/replay-batch.js';
import { summarizeReplayBatch } from '../../../src/ingest/replay/summarize-batch.js';
import { replayEvents as e, makeReplayBatch, type TestReplayEvent } from '../../support/replay-fixtures.js';

const T0 = Date.parse('2026-06-01T12:00:00Z');

function summarize(events: TestReplayEvent[], extra: { previousSessionId?: string } = {}) {
  return summarizeReplayBatch(makeReplayBatch('sum-session-1', 0, events, extra) as ReplayBatch);
}

describe('summarizeReplayBatch', () => {
  it('reads a realistic batch: pages, clicks, errors, failed requests, user', () => {
    const summary = summarize(
      [
        e.meta(T0, 'https://shop.example/'),
        e.fullSnapshot(T0),
        e.custom(T0 + 1, 'sightline.navigation', { kind: 'load', from: '', to: 'https://shop.example/' }),
        e.mouseMove(T0 + 1000),
        e.click(T0 + 1500),
        e.custom(T0 + 1600, 'sightline.network', { method: 'GET', url: '/api/cart', status: 200 }),
        e.custom(T0 + 1700, 'sightline.network', { method: 'POST', url: '/api/checkout', status: 500 }),
        e.custom(T0 + 1800, 'sightline.network', { method: 'GET', url: '/api/x', status: 0, failed: true }),
        e.custom(T0 + 1900, 'sightline.network', { method: 'GET', url: '/api/missing', status: 404 }),
        e.custom(T0 + 1950, 'sightline.network', { url: '/api/q', status: 0, failed: true, failureReason: 'aborted' }),
        e.custom(T0 + 2000, 'sightline.error', { kind: 'error', message: 'x is undefined' }),
        e.custom(T0 + 2100, 'sightline.console', { level: 'error', args: ['boom'] }),
        e.custom(T0 + 2200, 'sightline.console', { level: 'warn', args: ['careful'] }),
        e.custom(T0 + 2300, 'sightline.identify', { userId: 'user-42', traits: { plan: 'pro' } }),
        e.custom(T0 + 2400, 'sightline.navigation', {
          kind: 'pushState',
          from: 'https://shop.example/',
          to: 'https://shop.example/cart',
        }),
        e.custom(T0 + 2500, 'sightline.navigation', {
          kind: 'replaceState',
          from: 'https://shop.example/cart',
          to: 'https://shop.example/cart?step=2',
        }),
        e.click(T0 + 3000),
        e.custom(T0 + 3100, 'sightline.identify', { userId: 'user-42', traits: { country: 'FR' } }),
      ],
      { previousSessionId: 'sum-session-0' },
    );
    assert.deepEqual(summary, {
      firstEventMs: T0,
      lastEventMs: T0 + 3100,
      eventCount: 18,
      urls: ['https://shop.example/', 'https://shop.example/cart', 'https://shop.example/cart?step=2'],
      pageCount: 2,
      activeMs: 2000,
      clickCount: 2,
      jsErrorCount: 1,
      consoleErrorCount: 1,
      failedRequestCount: 2,
      userId: 'user-42',
      userTraits: { plan: 'pro', country: 'FR' },
      previousSessionId: 'sum-session-0',
      traceIds: [],
    });
  });

  it('collects the trace ids its requests carried, each once, and ignores malformed ones', () => {
    const traceA = 'a'.repeat(32);
    const traceB = '0123456789abcdef0123456789abcdef';
    const summary = summarizeReplayBatch(
      makeReplayBatch('summary-trace-ids', 0, [
        e.request(T0, T0 + 10, { traceId: traceA }),
        e.request(T0 + 20, T0 + 30, { traceId: traceB }),
        e.request(T0 + 40, T0 + 50, { traceId: traceA }),
        e.request(T0 + 60, T0 + 70, { traceId: 'not-a-trace-id' }),
        e.request(T0 + 80, T0 + 90),
      ]) as ReplayBatch,
    );
    assert.deepEqual(summary.traceIds, [traceA, traceB]);
  });

  it('counts active time as the gaps of at most 5 s between user inputs', () => {
    const summary = summarize([
      e.meta(T0, 'https://shop.example/'),
      e.mouseMove(T0 + 1000),
      e.scroll(T0 + 3000), // +2 s
      e.mutation(T0 + 4000), // not an input
      e.input(T0 + 7000, 'abc'), // +4 s
      e.click(T0 + 20_000), // 13 s idle: not counted
      e.click(T0 + 20_500), // +0.5 s
    ]);
    assert.equal(summary.activeMs, 6500);
  });

  it('takes first and last time from the earliest and latest event, not the first and last in order', () => {
    const summary = summarize([e.click(T0 + 500), e.meta(T0, 'https://a.example/'), e.click(T0 + 200)]);
    assert.equal(summary.firstEventMs, T0);
    assert.equal(summary.lastEventMs, T0 + 500);
  });

  it('counts page views from Meta events when the batch has no navigation events', () => {
    const summary = summarize([
      e.meta(T0, 'https://a.example/'),
      e.fullSnapshot(T0),
      e.meta(T0 + 10, 'https://a.example/'), // a re-snapshot of the same page
      e.meta(T0 + 20, 'https://a.example/about'),
    ]);
    assert.equal(summary.pageCount, 2);
    assert.deepEqual(summary.urls, ['https://a.example/', 'https://a.example/about']);
  });

  it('keeps no user for a batch without identify, and ignores traits that are not an object', () => {
    const summary = summarize([
      e.click(T0),
      e.custom(T0 + 1, 'sightline.identify', { userId: 7, traits: ['not', 'an', 'object'] }),
    ]);
    assert.equal(summary.userId, '7');
    assert.equal(summary.userTraits, null);
    assert.equal(summarize([e.click(T0)]).userId, null);
  });

  it('ignores custom events with another shape instead of failing', () => {
    const summary = summarize([
      { type: 5, timestamp: T0, data: 'nope' },
      { type: 5, timestamp: T0, data: { tag: 'sightline.error' } },
      { type: 5, timestamp: T0, data: { tag: 42, payload: {} } },
      { type: 3, timestamp: T0 },
    ]);
    assert.equal(summary.jsErrorCount, 0);
    assert.equal(summary.eventCount, 4);
  });
});
