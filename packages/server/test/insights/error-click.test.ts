import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findInsights, T0 } from '../support/insight-analysis.js';
import { replayEvents as e } from '../support/replay-fixtures.js';

const TRACE = '5b8efff798038103d269b633813fc60c';

describe('error clicks', () => {
  it('finds a click followed by a 500 response, with its trace id', () => {
    const events = [e.click(T0, 8), e.request(T0 + 200, T0 + 450, { status: 500, traceId: TRACE })];
    assert.deepEqual(findInsights(events, 'error-click'), [
      {
        type: 'error-click',
        timeMs: T0,
        targetId: 8,
        traceIds: [TRACE],
        detail: '500 POST https://shop.example/api/orders',
      },
    ]);
  });

  it('finds a click followed by an uncaught error, with its message', () => {
    const error = e.custom(T0 + 400, 'sightline.error', { kind: 'error', message: 'x is undefined' });
    assert.deepEqual(findInsights([e.click(T0, 8), error], 'error-click'), [
      { type: 'error-click', timeMs: T0, targetId: 8, detail: 'x is undefined' },
    ]);
  });

  it('finds nothing for an error 1.5 s later, a 404, or a 500 of a request started after 1 s', () => {
    const cases = [
      e.custom(T0 + 1500, 'sightline.error', { kind: 'error', message: 'late' }),
      e.request(T0 + 100, T0 + 200, { status: 404 }),
      e.request(T0 + 1200, T0 + 1300, { status: 500 }),
    ];
    for (const event of cases) {
      assert.deepEqual(
        findInsights([e.click(T0), event, e.mouseMove(T0 + 10_000)], 'error-click'),
        [],
        JSON.stringify(event),
      );
    }
  });

  it('gives an error to the latest click before it: a double click with one failing request is one error click', () => {
    const events = [
      e.click(T0, 8),
      e.click(T0 + 150, 8),
      e.request(T0 + 160, T0 + 400, { status: 500, traceId: TRACE }),
    ];
    assert.deepEqual(
      findInsights(events, 'error-click').map((insight) => insight.timeMs),
      [T0 + 150],
    );
    const thrown = [e.click(T0, 8), e.custom(T0 + 100, 'sightline.error', { message: 'boom' }), e.click(T0 + 300, 8)];
    assert.deepEqual(
      findInsights(thrown, 'error-click').map((insight) => insight.timeMs),
      [T0],
    );
  });

  it('finds a 500 that answers seconds later, as long as the request started within 1 s', () => {
    const events = [e.click(T0), e.request(T0 + 300, T0 + 4000, { status: 503, traceId: TRACE })];
    assert.deepEqual(findInsights(events, 'error-click')[0]?.traceIds, [TRACE]);
  });
});
