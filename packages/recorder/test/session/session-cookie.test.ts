import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { writeSessionCookie } from '../../src/session/session-cookie.js';

describe('session cookie', () => {
  it('is a first-party session cookie for the whole site', () => {
    const jar = { cookie: '' };
    writeSessionCookie(jar, 'abc-123-xyz', false);
    assert.equal(jar.cookie, 'sightline_sid=abc-123-xyz; Path=/; SameSite=Lax');
    writeSessionCookie(jar, 'abc-123-xyz', true);
    assert.equal(jar.cookie, 'sightline_sid=abc-123-xyz; Path=/; SameSite=Lax; Secure');
  });
});
