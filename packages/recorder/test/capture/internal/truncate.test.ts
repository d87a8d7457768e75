import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { truncateText, utf8ByteLength } from '../../../src/capture/internal/truncate.js';

describe('truncateText', () => {
  it('keeps short text and cuts long text to the cap, mark included', () => {
    assert.deepEqual(truncateText('abc', 3), { text: 'abc', truncated: false });
    assert.deepEqual(truncateText('abcdef', 4), { text: 'abc…', truncated: true });
    assert.deepEqual(truncateText('abc', 0), { text: '', truncated: true });
  });

  it('never splits a surrogate pair', () => {
    assert.deepEqual(truncateText('a😀b', 3), { text: 'a…', truncated: true });
  });
});

describe('utf8ByteLength', () => {
  it('matches TextEncoder', () => {
    for (const sample of ['', 'ascii', 'héllo', '€', '😀', 'a\ud800b']) {
      assert.equal(utf8ByteLength(sample), new TextEncoder().encode(sample).length, sample);
    }
  });
});
