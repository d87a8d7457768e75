import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeEvents, findInsights, T0 } from '../support/insight-analysis.js';
import { replayEvents as e } from '../support/replay-fixtures.js';

const TRACE_A = 'a'.repeat(32);
const TRACE_B = 'b'.repeat(32);
const TRACE_C = 'c'.repeat(32);
const END = e.mouseMove(T0 + 10_000);

describe('double submits', () => {
  it('finds two clicks 150 ms apart that each sent a request, with both trace ids', () => {
    const found = findInsights(
      [
        e.click(T0, 42),
        e.click(T0 + 150, 42),
        e.request(T0 + 5, T0 + 180, { traceId: TRACE_A }),
        e.request(T0 + 155, T0 + 300, { traceId: TRACE_B }),
        END,
      ],
      'double-submit',
    );
    assert.deepEqual(found, [
      {
        type: 'double-submit',
        timeMs: T0,
        targetId: 42,
        count: 2,
        durationMs: 150,
        traceIds: [TRACE_A, TRACE_B],
        detail: 'POST https://shop.example/api/orders',
      },
    ]);
  });

  it('finds nothing when the second click sent no request (the button was disabled)', () => {
    const events = [e.click(T0, 42), e.request(T0 + 5, T0 + 100, { traceId: TRACE_A }), e.click(T0 + 150, 42), END];
    assert.deepEqual(findInsights(events, 'double-submit'), []);
  });

  it('finds nothing for clicks 700 ms apart, or on two elements', () => {
    const apart = [
      e.click(T0, 42),
      e.request(T0 + 5, T0 + 100),
      e.click(T0 + 700, 42),
      e.request(T0 + 705, T0 + 800),
      END,
    ];
    assert.deepEqual(findInsights(apart, 'double-submit'), []);
    const twoElements = [
      e.click(T0, 42),
      e.request(T0 + 5, T0 + 100),
      e.click(T0 + 150, 43),
      e.request(T0 + 155, T0 + 300),
      END,
    ];
    assert.deepEqual(findInsights(twoElements, 'double-submit'), []);
  });

  it('gives each request to the latest click before it: one request for two clicks is not a double submit', () => {
    const events = [e.click(T0, 42), e.click(T0 + 150, 42), e.request(T0 + 160, T0 + 400), END];
    assert.deepEqual(findInsights(events, 'double-submit'), []);
  });

  it('counts a triple click as one finding of 3, with every trace id', () => {
    const events = [
      e.click(T0, 42),
      e.request(T0 + 5, T0 + 100, { traceId: TRACE_A }),
      e.click(T0 + 200, 42),
      e.request(T0 + 205, T0 + 300, { traceId: TRACE_B }),
      e.click(T0 + 400, 42),
      e.request(T0 + 405, T0 + 500, { traceId: TRACE_C }),
      END,
    ];
    const [found] = findInsights(events, 'double-submit');
    assert.equal(found?.count, 3);
    assert.deepEqual(found?.traceIds, [TRACE_A, TRACE_B, TRACE_C]);
  });

  it('ignores document loads and resources: only fetch, XHR and beacons submit', () => {
    const events = [
      e.click(T0, 42),
      e.request(T0 + 5, T0 + 100, { initiator: 'resource' }),
      e.click(T0 + 150, 42),
      e.request(T0 + 155, T0 + 300, { initiator: 'resource' }),
      END,
    ];
    assert.deepEqual(findInsights(events, 'double-submit'), []);
  });

  it('waits until no later click can take the requests before reporting', () => {
    const first = analyzeEvents([
      e.click(T0, 42),
      e.request(T0 + 5, T0 + 100),
      e.click(T0 + 150, 42),
      e.request(T0 + 155, T0 + 400),
    ]);
    assert.deepEqual(first.added, []);
    const second = analyzeEvents([e.mouseMove(T0 + 1200)], first.carry);
    assert.deepEqual(
      second.added.map((insight) => insight.type),
      ['double-submit'],
    );
  });
});
