import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SightlineError } from '../../src/errors.js';
import { createErrorReporter } from '../../src/internal/error-reporter.js';
import { createMemoryStorage } from '../../src/internal/key-value-storage.js';
import type { Batch } from '../../src/transport/batch.js';
import { createPendingJournal } from '../../src/transport/pending-journal.js';
import { createPendingQueue, type DroppedBatches } from '../../src/transport/pending-queue.js';
import { withRetry } from '../../src/transport/retry.js';
import type { SendResult } from '../../src/transport/send-result.js';
import { createUploader } from '../../src/transport/uploader.js';
import { makeBatch } from '../helpers/events.js';
import { createFakeClock, flushMicrotasks } from '../helpers/fake-clock.js';

function setup(options: { up?: boolean; exitBudget?: number; maxPendingBytes?: number } = {}) {
  const clock = createFakeClock(0);
  const storage = createMemoryStorage();
  const errors: SightlineError[] = [];
  const reporter = createErrorReporter((error) => errors.push(error));
  const journal = createPendingJournal(storage, 'pending', 1_000_000, reporter);
  const sent: number[] = [];
  const exitBodies: string[] = [];
  const dropped: DroppedBatches[] = [];
  const server = { up: options.up ?? true };
  let budget = options.exitBudget ?? Number.POSITIVE_INFINITY;
  const uploader = createUploader({
    send: withRetry(
      async (batch): Promise<SendResult> => {
        if (!server.up) return { status: 'retryable', error: new SightlineError('upload_failed', 'down') };
        sent.push(batch.seq);
        return { status: 'success' };
      },
      { clock, random: () => 0 },
    ),
    queue: createPendingQueue({ maxBytes: options.maxPendingBytes ?? 1_000_000 }),
    journal,
    exitSender: Object.assign(
      (body: string) => {
        if (body.length > budget) return false;
        budget -= body.length;
        exitBodies.push(body);
        return true;
      },
      { resetBudget: () => {} },
    ),
    clock,
    reporter,
    onDropped: (value) => dropped.push(value),
  });
  return { clock, storage, journal, uploader, sent, exitBodies, dropped, server, errors };
}

describe('uploader', () => {
  it('sends batches one at a time, in order', async () => {
    const { uploader, sent } = setup();
    for (let seq = 0; seq < 3; seq++) uploader.enqueue(makeBatch({ seq }));
    await flushMicrotasks();
    assert.deepEqual(sent, [0, 1, 2]);
  });

  it('holds batches while the server is down and sends them, in order, when it is back', async () => {
    const { clock, uploader, sent, server } = setup({ up: false });
    for (let seq = 0; seq < 3; seq++) uploader.enqueue(makeBatch({ seq }));
    await clock.advanceAsync(10_000);
    assert.deepEqual(sent, []);
    server.up = true;
    await clock.advanceAsync(60_000);
    assert.deepEqual(sent, [0, 1, 2]);
  });

  it('records what it drops when the backlog outgrows memory', async () => {
    const { clock, uploader, dropped } = setup({ up: false, maxPendingBytes: 250 });
    for (let seq = 0; seq < 5; seq++) uploader.enqueue(makeBatch({ seq, bytes: 100 }));
    await clock.advanceAsync(1000);
    // seq 0 is in flight (retrying); 1-4 queued under 250 bytes
    assert.equal(
      dropped.reduce((sum, value) => sum + value.batches, 0),
      2,
    );
  });

  it('on exit sends what fits the keepalive budget and journals the rest', async () => {
    const { uploader, journal, exitBodies, clock } = setup({ up: false, exitBudget: 170 });
    for (let seq = 0; seq < 4; seq++) uploader.enqueue(makeBatch({ seq }));
    await clock.advanceAsync(100);
    uploader.flushOnExit();
    assert.equal(exitBodies.length, 2, 'two bodies fit the budget');
    assert.deepEqual(
      exitBodies.map((body) => JSON.parse(body).seq),
      [0, 1],
    );
    const kept = journal.take();
    assert.deepEqual(
      kept.map((batch: Batch) => batch.seq),
      [2, 3],
    );
  });

  it('journals unsent batches while hidden and forgets them when visible', async () => {
    const { uploader, storage, clock } = setup({ up: false });
    uploader.enqueue(makeBatch({ seq: 0 }));
    await clock.advanceAsync(100);
    uploader.onHidden();
    assert.ok(storage.getItem('pending')?.includes('"seq":0'));
    uploader.onVisible();
    assert.equal(storage.getItem('pending'), null);
  });

  it('stop() tries once more and journals what failed', async () => {
    const { uploader, journal, clock, errors } = setup({ up: false });
    uploader.enqueue(makeBatch({ seq: 0 }));
    uploader.enqueue(makeBatch({ seq: 1 }));
    await clock.advanceAsync(100);
    await uploader.stop();
    assert.deepEqual(
      journal.take().map((batch) => batch.seq),
      [0, 1],
    );
    assert.ok(errors.some((error) => error.code === 'upload_failed'));
    assert.equal(clock.pendingTimers, 0, 'no retry timer left behind');
  });
});

describe('uploader on exit while the server fails', () => {
  it('journals a copy of what it handed to the browser, and resends it after a bfcache restore', async () => {
    const clock = createFakeClock(0);
    const journal = createPendingJournal(
      createMemoryStorage(),
      'pending',
      1_000_000,
      createErrorReporter(() => {}),
    );
    const server = { up: false };
    const sent: number[] = [];
    const exitBodies: string[] = [];
    const uploader = createUploader({
      send: withRetry(
        async (batch): Promise<SendResult> => {
          if (!server.up) return { status: 'retryable', error: new SightlineError('upload_failed', 'down') };
          sent.push(batch.seq);
          return { status: 'success' };
        },
        { clock, random: () => 0 },
      ),
      isServerFailing: () => !server.up,
      queue: createPendingQueue({ maxBytes: 1_000_000 }),
      journal,
      exitSender: Object.assign((body: string) => exitBodies.push(body) > 0, { resetBudget: () => {} }),
      clock,
      reporter: createErrorReporter(() => {}),
      onDropped: () => {},
    });
    uploader.enqueue(makeBatch({ seq: 0 }));
    uploader.enqueue(makeBatch({ seq: 1 }));
    await clock.advanceAsync(100);
    uploader.flushOnExit();
    assert.equal(exitBodies.length, 2, 'both handed to the browser');
    uploader.onHidden();
    assert.deepEqual(
      journal.take().map((batch) => batch.seq),
      [0, 1],
      'and kept for the next page',
    );
    server.up = true;
    uploader.onVisible();
    await clock.advanceAsync(60_000);
    assert.deepEqual(sent, [0, 1], 'a bfcache restore sends them again');
  });
});
