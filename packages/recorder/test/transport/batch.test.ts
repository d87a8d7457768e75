import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBatch, serializeBatch } from '../../src/transport/batch.js';
import { incrementalEvent, metaEvent, snapshotEvent } from '../helpers/events.js';

describe('batch', () => {
  it('serializes the wire format of docs/replay-format.md', () => {
    const events = [metaEvent(1), snapshotEvent(2), incrementalEvent(3)];
    const batch = createBatch({ sessionId: 'session-0002', seq: 0, previousSessionId: 'session-0001' }, events);
    assert.equal(batch.hasSnapshot, true);
    assert.equal(batch.eventCount, 3);
    const body = JSON.parse(serializeBatch(batch, 1234));
    assert.deepEqual(Object.keys(body), ['v', 'sessionId', 'seq', 'previousSessionId', 'sentAtMs', 'events']);
    assert.equal(body.v, 1);
    assert.equal(body.previousSessionId, 'session-0001');
    assert.equal(body.sentAtMs, 1234);
    assert.deepEqual(
      body.events.map((event: { timestamp: number }) => event.timestamp),
      [1, 2, 3],
    );
  });

  it('links the previous session on seq 0 only', () => {
    const batch = createBatch({ sessionId: 'session-0002', seq: 1, previousSessionId: 'session-0001' }, [
      incrementalEvent(1),
    ]);
    assert.equal(batch.hasSnapshot, false);
    assert.equal('previousSessionId' in JSON.parse(serializeBatch(batch, 1)), false);
  });
});
