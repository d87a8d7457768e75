import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { decodeReplayBody } from '../../../src/ingest/replay/decode-replay-body.js';
import { validateReplayBatch } from '../../../src/ingest/replay/replay-batch.js';
import { replayEvents as e, makeReplayBatch } from '../../support/replay-fixtures.js';

const good = () => makeReplayBatch('valid-session-1', 0, [e.meta(1_795_000_000_000, 'https://a.example/')]);

describe('validateReplayBatch', () => {
  it('accepts a batch of the wire format', () => {
    const batch = good();
    assert.equal(validateReplayBatch(batch), batch);
    assert.ok(validateReplayBatch({ ...batch, previousSessionId: 'previous-1' }));
  });

  const cases: [string, unknown, RegExp][] = [
    ['not an object', [1, 2], /must be a JSON object/],
    ['another version', { ...good(), v: 2 }, /unsupported batch version 2: this server reads version 1/],
    ['no version', { ...good(), v: undefined }, /unsupported batch version missing/],
    ['a bad session id', { ...good(), sessionId: 'bad id!' }, /invalid sessionId 'bad id!'/],
    ['a negative seq', { ...good(), seq: -1 }, /invalid seq -1/],
    ['a fractional seq', { ...good(), seq: 1.5 }, /invalid seq 1.5/],
    ['a seq too large', { ...good(), seq: 10_000_001 }, /invalid seq 10000001/],
    ['a bad previous session id', { ...good(), previousSessionId: 'x' }, /invalid previousSessionId 'x'/],
    ['no events', { ...good(), events: [] }, /'events' must be a non-empty array/],
    ['events not an array', { ...good(), events: {} }, /'events' must be a non-empty array/],
    ['an event type out of range', { ...good(), events: [{ type: 7, timestamp: 1 }] }, /events\[0\]\.type/],
    ['an event without timestamp', { ...good(), events: [{ type: 3 }] }, /events\[0\]\.timestamp/],
    ['an event with a string timestamp', { ...good(), events: [{ type: 3, timestamp: '1' }] }, /timestamp/],
    ['a null event', { ...good(), events: [null] }, /events\[0\] must be an object/],
  ];
  for (const [name, value, message] of cases) {
    it(`refuses ${name}`, () => {
      assert.throws(
        () => validateReplayBatch(value),
        (error: Error & { code?: string }) => {
          assert.equal(error.code, 'malformed_payload');
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }
});

describe('decodeReplayBody', () => {
  it('recognises gzip by its magic bytes and keeps the bytes received', async () => {
    const json = Buffer.from(JSON.stringify(good()));
    const gzipped = gzipSync(json);
    const decoded = await decodeReplayBody(gzipped, undefined, 1024 * 1024);
    assert.ok(decoded.json.equals(json));
    assert.equal(decoded.gzip, gzipped);
    const plain = await decodeReplayBody(json, undefined, 1024 * 1024);
    assert.ok(plain.json.equals(json));
    assert.equal(plain.gzip, undefined);
  });

  it('stops a gzip bomb at the limit', async () => {
    await assert.rejects(decodeReplayBody(gzipSync(Buffer.alloc(2 * 1024 * 1024)), undefined, 1024 * 1024), {
      code: 'payload_too_large',
    });
  });
});
