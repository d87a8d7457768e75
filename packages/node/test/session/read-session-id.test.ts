import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readBaggageSessionId, readSessionId } from '../../src/session/read-session-id.js';
import { isValidSessionId } from '../../src/session/session-id.js';

const ID = '7d0c6f5e-3b7a-4f7e-9a55-2f1c8f6b9e01';

function headers(values: Record<string, string | string[]>) {
  return (name: string) => values[name];
}

describe('isValidSessionId', () => {
  it('accepts 8–128 characters of [A-Za-z0-9._:-]', () => {
    for (const id of [ID, 'abcdefgh', 'a'.repeat(128), 'tab:1.2_x-y']) assert.ok(isValidSessionId(id), id);
  });

  it('rejects anything else', () => {
    for (const id of ['', 'abcdefg', 'a'.repeat(129), 'has space1', 'semi;colon', 'ünïcode-id', `${ID}\n`, 42, null]) {
      assert.equal(isValidSessionId(id), false, String(id));
    }
  });
});

describe('readSessionId', () => {
  it('reads X-Session-ID first', () => {
    const read = headers({
      'x-session-id': ID,
      baggage: 'session.id=from-baggage-1',
      cookie: 'sightline_sid=from-cookie-1',
    });
    assert.equal(readSessionId(read), ID);
  });

  it('falls back to session.id in baggage, then to the sightline_sid cookie', () => {
    assert.equal(
      readSessionId(headers({ baggage: `a=1, session.id=${ID};prop=x`, cookie: 'sightline_sid=other-id-1' })),
      ID,
    );
    assert.equal(readSessionId(headers({ cookie: `theme=dark; sightline_sid=${ID}` })), ID);
  });

  it('skips an invalid candidate and takes the next valid one', () => {
    const read = headers({ 'x-session-id': '<script>', baggage: 'session.id=%3Cx%3E', cookie: `sightline_sid=${ID}` });
    assert.equal(readSessionId(read), ID);
  });

  it('decodes the cookie as the recorder encodes it', () => {
    assert.equal(
      readSessionId(headers({ cookie: `sightline_sid=${encodeURIComponent('tab:1:abcdef')}` })),
      'tab:1:abcdef',
    );
    assert.equal(readSessionId(headers({ cookie: 'sightline_sid="quoted-id-1"' })), 'quoted-id-1');
    assert.equal(readSessionId(headers({ cookie: 'sightline_sid=%E0%A4%A' })), undefined, 'undecodable');
  });

  it('decodes percent-encoded baggage values', () => {
    assert.equal(readBaggageSessionId(`session.id=${encodeURIComponent('tab:1:abcdef')}`), 'tab:1:abcdef');
  });

  it('trusts neither of two X-Session-ID headers', () => {
    assert.equal(readSessionId(headers({ 'x-session-id': [ID, 'other-session-1'] })), undefined);
    assert.equal(readSessionId(headers({ 'x-session-id': [ID] })), ID);
  });

  it('returns undefined without a valid ID, whatever the size', () => {
    assert.equal(readSessionId(headers({})), undefined);
    assert.equal(readSessionId(headers({ 'x-session-id': 'x'.repeat(100_000) })), undefined);
    assert.equal(readSessionId(headers({ baggage: `session.id=${'y'.repeat(500)}` })), undefined);
  });

  it('reads the header and cookie names it is given', () => {
    const sources = { header: 'x-replay-session', cookie: 'rs' };
    assert.equal(readSessionId(headers({ 'x-replay-session': ID }), sources), ID);
    assert.equal(readSessionId(headers({ cookie: `rs=${ID}` }), sources), ID);
    assert.equal(readSessionId(headers({ 'x-session-id': ID }), sources), undefined);
  });
});
