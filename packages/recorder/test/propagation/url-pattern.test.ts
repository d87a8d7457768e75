import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shouldPropagate } from '../../src/propagation/propagation-target.js';
import { compileUrlPatterns } from '../../src/propagation/url-pattern.js';

const PAGE = 'https://shop.example/cart?step=2';
const matches = (patterns: (string | RegExp)[], url: string) => compileUrlPatterns(patterns, PAGE)(new URL(url));

describe('compileUrlPatterns', () => {
  it('matches an origin pattern on every path of exactly that origin', () => {
    assert.ok(matches(['https://api.example.com'], 'https://api.example.com/v1/orders?id=1'));
    assert.ok(matches(['https://api.example.com/'], 'https://api.example.com/'));
    assert.ok(matches(['https://API.example.com:443'], 'https://api.example.com/x'));
  });

  it('does not match look-alike origins', () => {
    assert.ok(!matches(['https://api.example.com'], 'https://api.example.com.evil.test/'));
    assert.ok(!matches(['https://api.example.com'], 'http://api.example.com/'));
    assert.ok(!matches(['https://api.example.com'], 'https://api.example.com:8443/'));
    assert.ok(!matches(['https://example.com'], 'https://api.example.com/'));
  });

  it('matches a URL prefix on whole path segments', () => {
    const prefix = ['https://api.example.com/v1'];
    assert.ok(matches(prefix, 'https://api.example.com/v1'));
    assert.ok(matches(prefix, 'https://api.example.com/v1/orders'));
    assert.ok(matches(prefix, 'https://api.example.com/v1?x=1'));
    assert.ok(!matches(prefix, 'https://api.example.com/v10'));
    assert.ok(!matches(prefix, 'https://api.example.com/v2/orders'));
    assert.ok(matches(['https://api.example.com/v1/'], 'https://api.example.com/v1/orders'));
  });

  it('resolves relative patterns against the page', () => {
    assert.ok(matches(['/api/checkout'], 'https://shop.example/api/checkout'));
    assert.ok(!matches(['/api/checkout'], 'https://other.example/api/checkout'));
  });

  it('tests a RegExp against the full URL, the same way on every call', () => {
    const matcher = compileUrlPatterns([/\/graphql$/g], PAGE);
    for (let call = 0; call < 3; call++) assert.ok(matcher(new URL('https://api.example.com/graphql')));
    assert.ok(!matcher(new URL('https://api.example.com/graphql/x')));
  });

  it('matches nothing for an empty list or an unparsable pattern', () => {
    assert.ok(!matches([], 'https://shop.example/'));
    assert.ok(!matches(['http://'], 'https://shop.example/'));
  });
});

describe('shouldPropagate', () => {
  const targets = {
    pageOrigin: 'https://shop.example',
    propagateTo: compileUrlPatterns(['https://api.shop.example'], PAGE),
    ignore: compileUrlPatterns(['https://ingest.sightline.example/v1/'], PAGE),
  };
  const decide = (url: string) => shouldPropagate(new URL(url), targets);

  it('propagates to the page origin and to allow-listed origins', () => {
    assert.ok(decide('https://shop.example/api/cart'));
    assert.ok(decide('https://api.shop.example/orders'));
  });

  it('never propagates to other origins', () => {
    assert.ok(!decide('https://cdn.thirdparty.example/lib.js'));
    assert.ok(!decide('http://shop.example/api/cart'));
    assert.ok(!decide('https://sub.shop.example/'));
  });

  it('never touches the recorder’s own endpoint, even on an allowed origin', () => {
    const sameOrigin = { ...targets, ignore: compileUrlPatterns(['/v1/replay'], PAGE) };
    assert.ok(!shouldPropagate(new URL('https://shop.example/v1/replay?key=k'), sameOrigin));
    assert.ok(!decide('https://ingest.sightline.example/v1/replay'));
  });

  it('ignores non-http URLs', () => {
    assert.ok(!shouldPropagate(new URL('blob:https://shop.example/0b8e'), targets));
    assert.ok(!shouldPropagate(new URL('data:text/plain,hi'), targets));
  });
});
