import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RECORD_SAMPLING } from '../../src/record/record-dom.js';

describe('DOM recording sampling', () => {
  it('records inputs from `input` events, which leave shadow roots, not from `change` only', () => {
    // rrweb's `input: 'last'` listens to `change` alone; `change` is not composed, so a
    // field inside a shadow root never reached rrweb's document listener and was not
    // recorded (test/e2e/recorder/recorded-session.test.ts replays one)
    assert.equal(RECORD_SAMPLING.input, undefined);
  });
});
