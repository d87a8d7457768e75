import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scrubUrl } from '../../../src/capture/network/scrub-url.js';

const scrub = (url: string, scrubQueryValues = true) => scrubUrl(new URL(url), scrubQueryValues);

describe('scrubUrl', () => {
  it('replaces every query value and keeps the keys in order', () => {
    assert.equal(
      scrub('https://shop.example/search?q=red%20shoes&token=abc&page=2'),
      'https://shop.example/search?q=[redacted]&token=[redacted]&page=[redacted]',
    );
  });

  it('keeps keys without a value, empty values and repeated keys', () => {
    assert.equal(
      scrub('https://a.example/?flag&empty=&x=1&x=2'),
      'https://a.example/?flag&empty=&x=[redacted]&x=[redacted]',
    );
  });

  it('leaves a URL without a query alone', () => {
    assert.equal(scrub('https://a.example/path'), 'https://a.example/path');
  });

  it('always drops credentials and the fragment', () => {
    assert.equal(scrub('https://user:secret@a.example/p?x=1#access_token=t', false), 'https://a.example/p?x=1');
    assert.equal(scrub('https://user:secret@a.example/p#t'), 'https://a.example/p');
  });

  it('keeps query values when scrubbing is off', () => {
    assert.equal(scrub('https://a.example/?q=shoes', false), 'https://a.example/?q=shoes');
  });
});
