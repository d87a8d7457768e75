import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeBaggageValue, mergeSessionBaggage, splitBaggageMembers } from '../../src/propagation/baggage.js';

const ID = '2b1f0b8e-6f0e-4a47-9a43-0d6f3f7b9a11';

describe('mergeSessionBaggage', () => {
  it('creates the header when the app sends none', () => {
    assert.equal(mergeSessionBaggage(null, ID), `session.id=${ID}`);
    assert.equal(mergeSessionBaggage('', ID), `session.id=${ID}`);
    assert.equal(mergeSessionBaggage('  ,  ', ID), `session.id=${ID}`);
  });

  it('keeps the app members, properties included, and appends ours', () => {
    assert.equal(
      mergeSessionBaggage('userId=alice, tenant=acme;ttl=60', ID),
      `userId=alice,tenant=acme;ttl=60,session.id=${ID}`,
    );
  });

  it('replaces an earlier session.id, whatever the whitespace around it', () => {
    assert.equal(
      mergeSessionBaggage('a=1 ,  session.id = stale ;prop, b=2,session.id=older', ID),
      `a=1,b=2,session.id=${ID}`,
    );
  });

  it('does not touch a key that only starts with session.id', () => {
    assert.equal(mergeSessionBaggage('session.idx=1', ID), `session.idx=1,session.id=${ID}`);
  });

  it('keeps a malformed member rather than losing app data', () => {
    assert.equal(mergeSessionBaggage('novalue', ID), `novalue,session.id=${ID}`);
  });

  it('leaves the header as it was when adding a member would pass the 64-member limit', () => {
    const full = Array.from({ length: 64 }, (_, index) => `k${index}=v`).join(',');
    assert.equal(mergeSessionBaggage(full, ID), full);
    const almost = Array.from({ length: 63 }, (_, index) => `k${index}=v`).join(',');
    assert.equal(splitBaggageMembers(mergeSessionBaggage(almost, ID)).length, 64);
  });

  it('leaves the header as it was when the result would pass 8192 bytes', () => {
    const big = `big=${'x'.repeat(8180)}`;
    assert.equal(mergeSessionBaggage(big, ID), big);
  });

  it('percent-encodes characters a baggage value may not hold', () => {
    assert.equal(mergeSessionBaggage(null, 'a b,c;d%e'), 'session.id=a%20b%2Cc%3Bd%25e');
  });
});

describe('encodeBaggageValue', () => {
  it('keeps the session id alphabet readable', () => {
    assert.equal(encodeBaggageValue('Ab9._:-x'), 'Ab9._:-x');
  });

  it('encodes quotes, backslashes, controls and non-ASCII as UTF-8', () => {
    assert.equal(encodeBaggageValue('"\\\n é'), '%22%5C%0A%20%C3%A9');
  });

  it('survives a lone surrogate', () => {
    assert.equal(encodeBaggageValue('a\ud800'), 'a%EF%BF%BD');
  });
});
