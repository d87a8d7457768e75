import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SightlineError } from '../../src/errors.js';
import { computeBackoffDelay, withRetry } from '../../src/transport/retry.js';
import type { SendBatch, SendResult } from '../../src/transport/send-result.js';
import { makeBatch } from '../helpers/events.js';
import { createFakeClock, flushMicrotasks } from '../helpers/fake-clock.js';

const retryable = (retryAfterMs?: number): SendResult =>
  retryAfterMs === undefined
    ? { status: 'retryable', error: new SightlineError('upload_failed', 'down') }
    : { status: 'retryable', error: new SightlineError('upload_failed', 'down'), retryAfterMs };

function scripted(results: SendResult[]) {
  const attempts: number[] = [];
  let index = 0;
  const clock = createFakeClock(0);
  const send: SendBatch = async () => {
    attempts.push(clock.now());
    return results[Math.min(index++, results.length - 1)] as SendResult;
  };
  return { clock, send, attempts };
}

describe('retry', () => {
  it('backs off exponentially with jitter, up to a cap', () => {
    for (const random of [0, 0.5, 0.999]) {
      for (let attempt = 0; attempt < 10; attempt++) {
        const delay = computeBackoffDelay(attempt, 1000, 30_000, () => random);
        const ceiling = Math.min(30_000, 1000 * 2 ** attempt);
        assert.ok(
          delay >= ceiling / 2 && delay < ceiling,
          `attempt ${attempt}: ${delay} in [${ceiling / 2}, ${ceiling})`,
        );
      }
    }
    assert.notEqual(
      computeBackoffDelay(3, 1000, 30_000, () => 0.1),
      computeBackoffDelay(3, 1000, 30_000, () => 0.9),
      'jitter spreads clients',
    );
  });

  it('retries while the server is down, then succeeds', async () => {
    const { clock, send, attempts } = scripted([retryable(), retryable(), retryable(), { status: 'success' }]);
    const pending = withRetry(send, { clock, random: () => 0 })(makeBatch());
    await clock.advanceAsync(60_000);
    assert.deepEqual(await pending, { status: 'success' });
    // random 0 → half of 1 s, 2 s, 4 s
    assert.deepEqual(attempts, [0, 500, 1500, 3500]);
  });

  it("waits for the server's Retry-After", async () => {
    const { clock, send, attempts } = scripted([retryable(10_000), { status: 'success' }]);
    const pending = withRetry(send, { clock, random: () => 0 })(makeBatch());
    await clock.advanceAsync(20_000);
    assert.deepEqual(await pending, { status: 'success' });
    assert.deepEqual(attempts, [0, 10_000]);
  });

  it('does not retry a failure', async () => {
    const failure: SendResult = { status: 'failure', error: new SightlineError('upload_rejected', '401') };
    const { clock, send, attempts } = scripted([failure]);
    const result = await withRetry(send, { clock, random: () => 0 })(makeBatch());
    assert.equal(result.status, 'failure');
    assert.equal(attempts.length, 1);
  });

  it('stops after maxAttempts, and when aborted', async () => {
    const { clock, send, attempts } = scripted([retryable()]);
    const pending = withRetry(send, { clock, random: () => 0, maxAttempts: 3 })(makeBatch());
    await clock.advanceAsync(60_000);
    assert.equal((await pending).status, 'retryable');
    assert.equal(attempts.length, 3);

    const aborting = scripted([retryable()]);
    const controller = new AbortController();
    const aborted = withRetry(aborting.send, { clock: aborting.clock, random: () => 0 })(
      makeBatch(),
      controller.signal,
    );
    await flushMicrotasks();
    controller.abort();
    assert.equal((await aborted).status, 'retryable');
    assert.equal(aborting.attempts.length, 1);
    assert.equal(aborting.clock.pendingTimers, 0, 'the wait was cancelled');
  });
});
