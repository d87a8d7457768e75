import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { INSIGHT_RULES } from '../../src/insights/insight.js';
import { analyzeEvents, findInsights, T0 } from '../support/insight-analysis.js';
import { replayEvents as e } from '../support/replay-fixtures.js';

/** Far enough after T0 that a click at T0 is decided. */
const LATER = T0 + INSIGHT_RULES.deadClickWindowMs + INSIGHT_RULES.requestSettleMs;

describe('dead clicks', () => {
  it('finds a click followed by nothing for 2 s (once the recording is past the window)', () => {
    const found = findInsights([e.click(T0, 12), e.mouseMove(T0 + 2000), e.mouseMove(LATER)], 'dead-click');
    assert.deepEqual(found, [{ type: 'dead-click', timeMs: T0, targetId: 12 }]);
  });

  it('finds nothing when the DOM changes 1.2 s after the click', () => {
    assert.deepEqual(findInsights([e.click(T0), e.domChange(T0 + 1200), e.mouseMove(LATER)], 'dead-click'), []);
  });

  it('finds the click dead when the DOM changes only after 1.5 s', () => {
    assert.equal(findInsights([e.click(T0), e.domChange(T0 + 1600), e.mouseMove(LATER)], 'dead-click').length, 1);
  });

  it('does not count a mutation that changed nothing', () => {
    assert.equal(findInsights([e.click(T0), e.mutation(T0 + 100), e.mouseMove(LATER)], 'dead-click').length, 1);
  });

  it('counts navigations, page loads, input values and skipped mutation storms as responses', () => {
    const responses = [
      e.custom(T0 + 300, 'sightline.navigation', { kind: 'pushState', from: 'https://a/', to: 'https://a/b' }),
      e.input(T0 + 300, 'x'),
      e.fullSnapshot(T0 + 300),
      e.custom(T0 + 300, 'sightline.dropped', { reason: 'mutation-storm', count: 9000 }),
      // a full-page navigation: the next page's document request started right after the click
      e.request(T0 + 50, T0 + 2500, { initiator: 'navigation', method: 'GET' }),
    ];
    for (const response of responses) {
      assert.deepEqual(
        findInsights([e.click(T0), response, e.mouseMove(LATER)], 'dead-click'),
        [],
        JSON.stringify(response),
      );
    }
  });

  it('counts a replaceState to the same URL and an image load as nothing', () => {
    const same = e.custom(T0 + 300, 'sightline.navigation', {
      kind: 'replaceState',
      from: 'https://a/',
      to: 'https://a/',
    });
    const image = e.request(T0 + 100, T0 + 200, { initiator: 'resource', method: 'GET' });
    for (const event of [same, image]) {
      assert.equal(findInsights([e.click(T0), event, e.mouseMove(LATER)], 'dead-click').length, 1);
    }
  });

  it('counts a request started in the window even when it completes seconds later', () => {
    const slow = e.request(T0 + 1000, T0 + 4000);
    assert.deepEqual(findInsights([e.click(T0), slow, e.mouseMove(LATER)], 'dead-click'), []);
  });

  it('leaves the click undecided until the recording is 5 s past the window', () => {
    const early = analyzeEvents([e.click(T0), e.mouseMove(T0 + 3000)]);
    assert.deepEqual(early.added, []);
    assert.equal(early.carry.signals[0]?.kind, 'click');
    const later = analyzeEvents([e.mouseMove(LATER)], early.carry);
    assert.deepEqual(
      later.added.map((insight) => insight.type),
      ['dead-click'],
    );
  });

  it('treats a Meta event with a new URL as a navigation, and one with the same URL (a checkout) as none', () => {
    const start = [e.meta(T0 - 5000, 'https://shop.example/'), e.click(T0)];
    const moved = [...start, e.meta(T0 + 800, 'https://shop.example/cart'), e.mouseMove(LATER)];
    assert.deepEqual(findInsights(moved, 'dead-click'), []);
    const same = [...start, e.meta(T0 + 800, 'https://shop.example/'), e.mouseMove(LATER)];
    assert.equal(findInsights(same, 'dead-click').length, 1);
  });
});

describe('dead clicks on a form submit', () => {
  const submit = (timeMs: number) =>
    e.custom(timeMs, 'sightline.submit', { form: '<form#checkout>', method: 'POST', prevented: true });

  it('flags a submit the page cancelled without a request, even though a toast appeared', () => {
    const found = findInsights(
      [e.click(T0, 7), submit(T0 + 5), e.domChange(T0 + 20), e.mouseMove(LATER)],
      'dead-click',
    );
    assert.deepEqual(found, [{ type: 'dead-click', timeMs: T0, targetId: 7, detail: 'form submit sent no request' }]);
  });

  it('does not flag a submit that sent its request', () => {
    const events = [
      e.click(T0, 7),
      submit(T0 + 5),
      e.domChange(T0 + 20),
      e.request(T0 + 10, T0 + 400, { initiator: 'fetch', method: 'POST' }),
      e.mouseMove(LATER),
    ];
    assert.deepEqual(findInsights(events, 'dead-click'), []);
  });
});
