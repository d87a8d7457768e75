import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBatcher, splitEvents } from '../../src/transport/batcher.js';
import type { RecordedEvent } from '../../src/transport/recorded-event.js';
import { incrementalEvent } from '../helpers/events.js';
import { createFakeClock } from '../helpers/fake-clock.js';

function setup(maxBatchBytes = 10_000) {
  const clock = createFakeClock();
  const flushed: RecordedEvent[][] = [];
  const batcher = createBatcher({
    clock,
    flushIntervalMs: 5000,
    maxBatchBytes,
    onFlush: (events) => flushed.push(events),
    onError: (error) => {
      throw error;
    },
  });
  return { clock, flushed, batcher };
}

describe('batcher', () => {
  it('sends a batch 5 s after its first event', () => {
    const { clock, flushed, batcher } = setup();
    batcher.add(incrementalEvent(1));
    clock.advance(3000);
    batcher.add(incrementalEvent(2));
    clock.advance(1999);
    assert.equal(flushed.length, 0);
    clock.advance(1);
    assert.equal(flushed.length, 1);
    assert.equal(flushed[0]?.length, 2);
    assert.equal(clock.pendingTimers, 0, 'no timer while empty');
  });

  it('sends at once when the batch reaches its size', () => {
    const { clock, flushed, batcher } = setup(1000);
    batcher.add(incrementalEvent(1, 400));
    batcher.add(incrementalEvent(2, 400));
    assert.equal(flushed.length, 0);
    batcher.add(incrementalEvent(3, 400));
    assert.equal(flushed.length, 1, 'the batch went before it overflowed');
    assert.deepEqual(
      flushed[0]?.map((event) => event.timestamp),
      [1, 2],
    );
    assert.ok(batcher.bytes > 0, 'the third event starts the next batch');
    assert.equal(clock.pendingTimers, 1, 'with its own timer');
    batcher.add(incrementalEvent(4, 5000));
    assert.equal(flushed.length, 3, 'an event over the size goes alone, at once');
    assert.equal(clock.pendingTimers, 0);
  });

  it('flushes in small pieces for the page-exit path', () => {
    const { flushed, batcher } = setup(1_000_000);
    for (let index = 0; index < 10; index++) batcher.add(incrementalEvent(index, 900));
    batcher.flush(2000);
    assert.equal(flushed.length, 5);
    assert.ok(flushed.every((group) => group.reduce((sum, event) => sum + event.bytes, 0) <= 2000));
    assert.deepEqual(
      flushed.flat().map((event) => event.timestamp),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
  });

  it('lets an event bigger than the limit travel alone', () => {
    const groups = splitEvents([incrementalEvent(1, 10), incrementalEvent(2, 5000), incrementalEvent(3, 10)], 1000);
    assert.deepEqual(
      groups.map((group) => group.map((event) => event.timestamp)),
      [[1], [2], [3]],
    );
  });
});
