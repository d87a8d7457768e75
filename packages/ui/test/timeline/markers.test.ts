import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createNodeLabelIndex } from '../../src/replay/node-label-index';
import { clusterMarkers } from '../../src/timeline/cluster-markers';
import { deriveInsightMarkers, deriveMarkers } from '../../src/timeline/derive-markers';
import { timeAtPointer } from '../../src/timeline/pointer-time';
import { readInsightOffset, toReplayerOffset, toSessionOffset } from '../../src/timeline/session-time';
import type { TimelineMarker } from '../../src/timeline/timeline-marker';
import { click, custom, fullSnapshot, input, meta, mouseMove, network, T0 } from '../fixtures/replay-events';

describe('deriving timeline markers', () => {
  test('clicks, page changes, errors, failed requests and slow frames, on the session clock', () => {
    const events = [
      meta(T0 + 100, 'https://shop.example/'),
      fullSnapshot(T0 + 100),
      mouseMove(T0 + 200),
      click(T0 + 1_000, 4),
      input(T0 + 1_100, 4, '***'),
      custom(T0 + 2_000, 'navigation', {
        kind: 'pushState',
        from: 'https://shop.example/',
        to: 'https://shop.example/cart',
      }),
      custom(T0 + 2_100, 'navigation', {
        kind: 'replaceState',
        from: 'https://shop.example/cart',
        to: 'https://shop.example/cart?x',
      }),
      network(T0 + 3_000, { status: 200 }),
      network(T0 + 3_500, {
        method: 'post',
        status: 502,
        url: 'https://shop.example/api/checkout',
        startMs: T0 + 3_300,
      }),
      network(T0 + 3_600, { status: 0, failed: true, failureReason: 'aborted' }),
      network(T0 + 3_700, { status: 0, failed: true, failureReason: 'network' }),
      network(T0 + 3_800, { status: 404 }),
      custom(T0 + 4_000, 'error', { kind: 'error', message: 'x is undefined', name: 'TypeError' }),
      custom(T0 + 5_000, 'performance', {
        kind: 'long-animation-frame',
        value: 180,
        durationMs: 180,
        startMs: T0 + 4_800,
      }),
      custom(T0 + 5_100, 'performance', { kind: 'LCP', value: 1200 }),
      custom(T0 + 5_200, 'console', { level: 'error', args: ['boom'] }),
      meta(T0 + 6_000, 'https://shop.example/cart'),
    ];
    const markers = deriveMarkers(events, T0, createNodeLabelIndex());
    assert.deepEqual(
      markers.map((marker) => [marker.kind, marker.timeMs]),
      [
        ['navigation', 100],
        ['click', 1_000],
        ['navigation', 2_000],
        ['failed-request', 3_300],
        ['failed-request', 3_660],
        ['error', 4_000],
        ['slow-frame', 4_800],
      ],
    );
    assert.equal(markers[1]?.label, 'Click on button#pay "Pay now"');
    assert.equal(markers[3]?.label, 'POST https://shop.example/api/checkout → 502');
    assert.equal(markers[5]?.label, 'TypeError: x is undefined');
    assert.equal(markers[6]?.label, 'Slow frame: 180 ms');
  });

  test('foreign custom events and malformed payloads make no marker', () => {
    const markers = deriveMarkers(
      [
        custom(T0, 'network', { method: 'GET' }),
        { type: 5, timestamp: T0, data: { tag: 'my-app.thing', payload: {} } },
        { type: 5, timestamp: T0, data: 'nonsense' },
        custom(T0, 'performance', { kind: 'longtask' }),
      ],
      T0,
    );
    assert.deepEqual(markers, []);
  });

  test('insights become markers; unknown types are skipped; epoch and offset times both work', () => {
    const markers = deriveInsightMarkers(
      [
        { type: 'rage-click', timeMs: T0 + 9_000, targetId: 4, count: 5, durationMs: 900 },
        {
          type: 'error-click',
          timeMs: T0 + 9_500,
          detail: '500 POST https://shop.example/api/orders',
          traceIds: ['a'.repeat(32)],
        },
        { type: 'dead-click', timeMs: 12_000 },
        { type: 'future-kind', timeMs: 1 },
        { type: 'slow-frame', timeMs: Number.NaN },
      ],
      T0,
    );
    assert.deepEqual(
      markers.map((marker) => [marker.kind, marker.timeMs, marker.label]),
      [
        ['rage-click', 9_000, 'Rage click: 5× · 900 ms'],
        ['error-click', 9_500, 'Click that caused an error: 500 POST https://shop.example/api/orders'],
        ['dead-click', 12_000, 'Dead click'],
      ],
    );
    assert.deepEqual(deriveInsightMarkers(undefined, T0), []);
  });
});

describe('session clock', () => {
  test('offsets from the session start; rrweb counts from the first replay event', () => {
    assert.equal(toSessionOffset(T0 + 250, T0), 250);
    assert.equal(toReplayerOffset(5_000, T0, T0 + 2_000), 3_000);
    assert.equal(toReplayerOffset(1_000, T0, T0 + 2_000), 0);
    assert.equal(readInsightOffset(T0 + 42, T0), 42);
    assert.equal(readInsightOffset(42, T0), 42);
  });
});

describe('clustering markers', () => {
  const marker = (kind: TimelineMarker['kind'], timeMs: number): TimelineMarker => ({
    kind,
    timeMs,
    label: `${kind}@${timeMs}`,
  });

  test('markers on the same pixels of a lane merge; the most severe kind wins', () => {
    const clusters = clusterMarkers(
      [
        marker('click', 1_000),
        marker('click', 1_010),
        marker('rage-click', 1_005),
        marker('dead-click', 1_008),
        marker('click', 50_000),
      ],
      100_000,
      1_000,
    );
    const interaction = clusters.filter((cluster) => cluster.lane === 'interaction');
    assert.equal(interaction.length, 2);
    assert.equal(interaction[0]?.count, 2);
    const frustration = clusters.find((cluster) => cluster.lane === 'frustration');
    assert.equal(frustration?.kind, 'rage-click');
    assert.equal(frustration?.count, 2);
    assert.equal(frustration?.position, 0.01005);
  });

  test('a click on a merged mark seeks to the marker that coloured it: the error, not the request before it', () => {
    const [problem] = clusterMarkers([marker('failed-request', 1_000), marker('error', 1_002)], 100_000, 1_000);
    assert.equal(problem?.kind, 'error');
    assert.equal(problem?.timeMs, 1_002);
    assert.equal(problem?.position, 0.01, 'drawn where the first marker is');
  });

  test('50,000 markers collapse to at most one per few pixels per lane', () => {
    const many = Array.from({ length: 50_000 }, (_, index) => marker('click', index * 36));
    const clusters = clusterMarkers(many, 1_800_000, 800);
    assert.ok(clusters.length <= 200, `${clusters.length} clusters`);
    assert.equal(
      clusters.reduce((sum, cluster) => sum + cluster.count, 0),
      50_000,
    );
    assert.ok(clusters.every((cluster) => cluster.labels.length <= 5));
  });

  test('nothing to draw without a duration or a width', () => {
    assert.deepEqual(clusterMarkers([marker('click', 1)], 0, 800), []);
    assert.deepEqual(clusterMarkers([marker('click', 1)], 100, 0), []);
  });

  test('pointer position to time, clamped to the track', () => {
    assert.equal(timeAtPointer(150, 100, 200, 60_000), 15_000);
    assert.equal(timeAtPointer(50, 100, 200, 60_000), 0);
    assert.equal(timeAtPointer(900, 100, 200, 60_000), 60_000);
    assert.equal(timeAtPointer(150, 100, 0, 60_000), 0);
  });
});
