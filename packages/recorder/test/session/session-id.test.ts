import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSessionId, formatUuidV4, isValidSessionId } from '../../src/session/session-id.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('session ID', () => {
  it('uses crypto.randomUUID where there is one', () => {
    assert.equal(
      createSessionId({ randomUUID: () => '2b1f0b8e-6f0e-4a47-9a43-0d6f3f7b9a11' }),
      '2b1f0b8e-6f0e-4a47-9a43-0d6f3f7b9a11',
    );
    assert.match(createSessionId(), UUID_V4);
  });

  it('falls back to getRandomValues outside a secure context', () => {
    const id = createSessionId({ getRandomValues: (array) => array.fill(0xff) });
    assert.equal(id, 'ffffffff-ffff-4fff-bfff-ffffffffffff');
    const throwing = createSessionId({
      randomUUID: () => {
        throw new Error('insecure context');
      },
      getRandomValues: (array) => array.fill(0),
    });
    assert.equal(throwing, '00000000-0000-4000-8000-000000000000');
  });

  it('falls back to Math.random without Web Crypto', () => {
    assert.match(createSessionId({}), UUID_V4);
  });

  it('sets the version and variant bits', () => {
    assert.match(formatUuidV4(new Uint8Array(16).fill(0x5a)), UUID_V4);
  });

  it('matches the server rule', () => {
    assert.equal(isValidSessionId('abc-123-xyz'), true);
    assert.equal(isValidSessionId('short'), false);
    assert.equal(isValidSessionId('has space here'), false);
    assert.equal(isValidSessionId('x'.repeat(129)), false);
  });
});
