import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { differsOnlyInFragment } from '../../../src/capture/navigation/differs-only-in-fragment.js';

describe('differsOnlyInFragment', () => {
  it('tells fragment changes from document changes', () => {
    assert.ok(differsOnlyInFragment('https://a.example/p', 'https://a.example/p#top'));
    assert.ok(differsOnlyInFragment('https://a.example/p#a', 'https://a.example/p#b'));
    assert.ok(!differsOnlyInFragment('https://a.example/p', 'https://a.example/q#top'));
    assert.ok(!differsOnlyInFragment('https://a.example/p#a', 'https://a.example/p#a'));
  });
});
