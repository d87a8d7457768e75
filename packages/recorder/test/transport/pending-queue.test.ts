import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPendingQueue } from '../../src/transport/pending-queue.js';
import { makeBatch } from '../helpers/events.js';

describe('pending queue', () => {
  it('drops the oldest batches without a snapshot first', () => {
    const queue = createPendingQueue({ maxBytes: 1000 });
    queue.push(makeBatch({ seq: 0, bytes: 300, hasSnapshot: true }));
    queue.push(makeBatch({ seq: 1, bytes: 300 }));
    queue.push(makeBatch({ seq: 2, bytes: 300 }));
    const dropped = queue.push(makeBatch({ seq: 3, bytes: 300, eventCount: 7 }));
    assert.deepEqual(dropped, { batches: 1, events: 1, bytes: 300 });
    assert.deepEqual(
      queue.toArray().map((batch) => batch.seq),
      [0, 2, 3],
    );
    assert.equal(queue.bytes, 900);
  });

  it('drops the oldest snapshot when nothing else is left, never the newest batch', () => {
    const queue = createPendingQueue({ maxBytes: 1000 });
    queue.push(makeBatch({ seq: 0, bytes: 600, hasSnapshot: true }));
    queue.push(makeBatch({ seq: 1, bytes: 600, hasSnapshot: true }));
    assert.deepEqual(
      queue.toArray().map((batch) => batch.seq),
      [1],
    );
    queue.push(makeBatch({ seq: 2, bytes: 5000 }));
    assert.deepEqual(
      queue.toArray().map((batch) => batch.seq),
      [2],
      'a batch bigger than the cap still goes out',
    );
  });

  it('stays bounded over an hour offline', () => {
    const queue = createPendingQueue({ maxBytes: 5 * 1024 * 1024 });
    // a 100 KB batch every 5 s and a snapshot batch every 5 minutes, for an hour
    for (let seq = 0; seq < 720; seq++) queue.push(makeBatch({ seq, bytes: 100 * 1024, hasSnapshot: seq % 60 === 0 }));
    assert.ok(queue.bytes <= 5 * 1024 * 1024);
    assert.equal(queue.toArray().filter((batch) => batch.hasSnapshot).length, 12, 'every snapshot kept');
    const seqs = queue.toArray().map((batch) => batch.seq);
    assert.deepEqual(
      seqs,
      [...seqs].sort((a, b) => a - b),
      'in order',
    );
    assert.equal(seqs.at(-1), 719, 'the newest kept');
  });

  it('shifts, unshifts and removes in order', () => {
    const queue = createPendingQueue({ maxBytes: 10_000 });
    const first = makeBatch({ seq: 0 });
    const second = makeBatch({ seq: 1 });
    queue.push(first);
    queue.push(second);
    assert.equal(queue.shift(), first);
    queue.unshift(first);
    queue.remove(second);
    assert.deepEqual(queue.toArray(), [first]);
    assert.equal(queue.bytes, first.bytes);
  });
});
