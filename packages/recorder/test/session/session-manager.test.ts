import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createErrorReporter } from '../../src/internal/error-reporter.js';
import { createMemoryStorage, type KeyValueStorage } from '../../src/internal/key-value-storage.js';
import { createSessionManager } from '../../src/session/session-manager.js';
import { createSessionStore } from '../../src/session/session-store.js';
import { createFakeClock, type FakeClock } from '../helpers/fake-clock.js';

const MINUTE = 60_000;

function setup(storage: KeyValueStorage = createMemoryStorage(), clock: FakeClock = createFakeClock()) {
  let counter = 0;
  const reporter = createErrorReporter(() => {});
  const open = () =>
    createSessionManager({
      store: createSessionStore(storage, 'sightline:k:session', reporter),
      clock,
      createId: () => `session-${String(++counter).padStart(4, '0')}`,
    });
  return { storage, clock, open };
}

describe('session manager', () => {
  it('starts a session and keeps it across a reload', () => {
    const { clock, open } = setup();
    const first = open();
    assert.equal(first.session.id, 'session-0001');
    assert.equal(first.session.previousId, undefined);
    clock.advance(10 * MINUTE);
    const reloaded = open();
    assert.equal(reloaded.session.id, 'session-0001');
  });

  it('continues the batch sequence after a reload', () => {
    const { open } = setup();
    const page = open();
    assert.deepEqual([page.allocateSeq(), page.allocateSeq(), page.allocateSeq()], [0, 1, 2]);
    assert.equal(open().allocateSeq(), 3);
  });

  it('expires after 30 minutes without activity, linking the new session to the old', () => {
    const { clock, open } = setup();
    const manager = open();
    clock.advance(29 * MINUTE);
    manager.touch();
    clock.advance(29 * MINUTE);
    assert.equal(manager.isExpired(), false, 'activity pushed the deadline back');
    clock.advance(2 * MINUTE);
    assert.equal(manager.isExpired(), true);
    const ended = manager.rotate();
    assert.equal(ended.id, 'session-0001');
    assert.equal(manager.session.id, 'session-0002');
    assert.equal(manager.session.previousId, 'session-0001');
    assert.equal(manager.allocateSeq(), 0, 'a new session starts at seq 0');
  });

  it('expires after 4 hours whatever the activity', () => {
    const { clock, open } = setup();
    const manager = open();
    for (let elapsed = 0; elapsed < 4 * 60; elapsed += 10) {
      clock.advance(10 * MINUTE);
      manager.touch();
    }
    assert.equal(manager.isExpired(), false);
    clock.advance(MINUTE);
    assert.equal(manager.isExpired(), true);
  });

  it('rotates at load when the stored session expired meanwhile', () => {
    const { clock, open } = setup();
    open();
    clock.advance(31 * MINUTE);
    const next = open();
    assert.equal(next.session.id, 'session-0002');
    assert.equal(next.session.previousId, 'session-0001');
  });

  it('persists the sampling decision with the session', () => {
    const { open } = setup();
    const manager = open();
    manager.setSampling('buffered');
    manager.setErrorTrigger('rejected');
    const reloaded = open();
    assert.equal(reloaded.session.sampling, 'buffered');
    assert.equal(reloaded.session.errorTrigger, 'rejected');
  });

  it('writes activity at most every few seconds, and on persist()', () => {
    const storage = createMemoryStorage();
    let writes = 0;
    const counting: KeyValueStorage = {
      ...storage,
      setItem: (key, value) => {
        writes++;
        storage.setItem(key, value);
      },
    };
    const { clock, open } = setup(counting);
    const manager = open();
    const initial = writes;
    for (let index = 0; index < 100; index++) {
      clock.advance(10);
      manager.touch();
    }
    assert.equal(writes, initial, 'a second of activity is not written');
    manager.persist();
    assert.equal(writes, initial + 1);
  });

  it('ignores a malformed stored state', () => {
    const storage = createMemoryStorage();
    storage.setItem('sightline:k:session', JSON.stringify({ id: 'bad id!', startedAtMs: 1 }));
    const { open } = setup(storage);
    assert.equal(open().session.id, 'session-0001');
  });
});
