import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createNodeLabelIndex } from '../../src/replay/node-label-index';
import { isClickEvent, isRecordedEvent } from '../../src/replay/recorded-event';
import { isFailedRequest, isSlowFrame, readSightlineEvent } from '../../src/replay/sightline-events';
import { click, custom, fullSnapshot, network, T0 } from '../fixtures/replay-events';

describe('reading Sightline custom events', () => {
  test('network payloads are checked and normalised', () => {
    const event = readSightlineEvent(network(T0 + 100, { method: 'post', traceId: 'AB'.repeat(16), extra: 'ignored' }));
    assert.equal(event?.tag, 'network');
    if (event?.tag !== 'network') return;
    assert.equal(event.payload.method, 'POST');
    assert.equal(event.payload.traceId, 'ab'.repeat(16));
    assert.equal(event.payload.startMs, T0 + 60);
    assert.equal('failed' in event.payload, false);
  });

  test('a network event without timings is placed from its duration', () => {
    const event = readSightlineEvent(custom(T0 + 100, 'network', { url: 'https://x.example/', durationMs: 30 }));
    assert.equal(event?.tag === 'network' && event.payload.startMs, T0 + 70);
  });

  test('non-Sightline and malformed events read as undefined', () => {
    assert.equal(readSightlineEvent(click(T0)), undefined);
    assert.equal(readSightlineEvent({ type: 5, timestamp: T0, data: { tag: 'other' } }), undefined);
    assert.equal(readSightlineEvent(custom(T0, 'unknown-kind', {})), undefined);
    assert.equal(readSightlineEvent(custom(T0, 'navigation', { kind: 'load' })), undefined);
    assert.equal(readSightlineEvent(custom(T0, 'error', 'not an object'))?.tag, 'error');
  });

  test('failed requests: failures other than an abort, and 5xx; not 4xx', () => {
    const base = { method: 'GET', url: '/', startMs: 0, endMs: 0, durationMs: 0, initiator: 'fetch' };
    assert.equal(isFailedRequest({ ...base, status: 500 }), true);
    assert.equal(isFailedRequest({ ...base, status: 404 }), false);
    assert.equal(isFailedRequest({ ...base, status: 0, failed: true, failureReason: 'network' }), true);
    assert.equal(isFailedRequest({ ...base, status: 0, failed: true, failureReason: 'aborted' }), false);
    assert.equal(isSlowFrame({ kind: 'longtask', value: 80 }), true);
    assert.equal(isSlowFrame({ kind: 'INP', value: 80 }), false);
  });

  test('event shape checks', () => {
    assert.equal(isRecordedEvent({ type: 3, timestamp: 1 }), true);
    assert.equal(isRecordedEvent({ type: 3.5, timestamp: 1 }), false);
    assert.equal(isRecordedEvent({ type: 3, timestamp: Number.POSITIVE_INFINITY }), false);
    assert.equal(isRecordedEvent(null), false);
    assert.equal(isClickEvent(click(T0)), true);
    assert.equal(isClickEvent({ type: 3, timestamp: T0, data: { source: 2, type: 1 } }), false);
  });
});

describe('node labels', () => {
  test('a click on an inner span is described by its button', () => {
    const labels = createNodeLabelIndex();
    labels.add(fullSnapshot(T0));
    assert.equal(labels.describe(6), 'button#pay "Pay now"');
    assert.equal(labels.describe(5), 'button#pay "Pay now"');
    assert.equal(labels.describe(7), 'img');
    assert.equal(labels.describe(999), undefined);
  });

  test('added nodes are learnt from mutations; a full snapshot starts over', () => {
    const labels = createNodeLabelIndex();
    labels.add(fullSnapshot(T0));
    labels.add({
      type: 3,
      timestamp: T0,
      data: {
        source: 0,
        adds: [
          {
            parentId: 3,
            node: {
              type: 2,
              id: 20,
              tagName: 'input',
              attributes: { name: 'email', placeholder: 'you@example.com' },
              childNodes: [],
            },
          },
          {
            parentId: 3,
            node: { type: 2, id: 21, tagName: 'a', attributes: { 'aria-label': 'Home' }, childNodes: [] },
          },
        ],
      },
    });
    assert.equal(labels.describe(20), 'input[name=email] "you@example.com"');
    assert.equal(labels.describe(21), 'a "Home"');
    labels.add(fullSnapshot(T0 + 1, { type: 0, id: 1, childNodes: [] }));
    assert.equal(labels.describe(20), undefined);
  });
});
