import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createErrorReporter } from '../../src/internal/error-reporter.js';
import { createMemoryStorage, type KeyValueStorage } from '../../src/internal/key-value-storage.js';
import { createPendingJournal } from '../../src/transport/pending-journal.js';
import { makeBatch } from '../helpers/events.js';

describe('pending journal', () => {
  it('round-trips batches for the next page load, once', () => {
    const storage = createMemoryStorage();
    const journal = createPendingJournal(
      storage,
      'pending',
      10_000,
      createErrorReporter(() => {}),
    );
    const batch = makeBatch({ seq: 3, previousSessionId: 'session-0000' });
    journal.save([batch]);
    assert.deepEqual(journal.take(), [batch]);
    assert.deepEqual(journal.take(), [], 'taken means forgotten');
  });

  it('stays under its cap, leaving out the oldest non-snapshot batches', () => {
    const storage = createMemoryStorage();
    const journal = createPendingJournal(
      storage,
      'pending',
      250,
      createErrorReporter(() => {}),
    );
    journal.save([makeBatch({ seq: 0, hasSnapshot: true }), makeBatch({ seq: 1 }), makeBatch({ seq: 2 })]);
    assert.deepEqual(
      journal.take().map((batch) => batch.seq),
      [0, 2],
    );
  });

  it('gives up quietly when the storage is full, and ignores garbage', () => {
    const errors: string[] = [];
    const full: KeyValueStorage = {
      ...createMemoryStorage(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const journal = createPendingJournal(
      full,
      'pending',
      10_000,
      createErrorReporter((error) => errors.push(error.code)),
    );
    journal.save([makeBatch()]);
    assert.deepEqual(errors, ['storage_failed']);

    const storage = createMemoryStorage();
    storage.setItem('pending', JSON.stringify([{ sessionId: 'x' }, 'junk']));
    assert.deepEqual(
      createPendingJournal(
        storage,
        'pending',
        10_000,
        createErrorReporter(() => {}),
      ).take(),
      [],
    );
  });
});
