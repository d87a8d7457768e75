import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readReplayTime, sessionHref, sessionsHref, traceHref } from '../../src/routing/hrefs';
import { type LinkClick, readInAppNavigation } from '../../src/routing/link-navigation';
import { matchRoute, readNextPath } from '../../src/routing/routes';

describe('routes', () => {
  test('matches the three pages and the root', () => {
    assert.deepEqual(matchRoute('/'), { name: 'sessions' });
    assert.deepEqual(matchRoute('/sessions'), { name: 'sessions' });
    assert.deepEqual(matchRoute('/sessions/'), { name: 'sessions' });
    assert.deepEqual(matchRoute('/sign-in'), { name: 'sign-in' });
    assert.deepEqual(matchRoute('/sessions/4f0c1a2b-0000-4000-8000-000000000000'), {
      name: 'session',
      sessionId: '4f0c1a2b-0000-4000-8000-000000000000',
    });
    assert.deepEqual(matchRoute('/traces/5B8EFFF798038103D269B633813FC60C'), {
      name: 'trace',
      traceId: '5b8efff798038103d269b633813fc60c',
    });
  });

  test('refuses ids the server would refuse', () => {
    assert.equal(matchRoute('/sessions/short').name, 'not-found');
    assert.equal(matchRoute('/sessions/%3Cscript%3E12345').name, 'not-found');
    assert.equal(matchRoute('/sessions/%E0%A4%A').name, 'not-found');
    assert.equal(matchRoute('/traces/xyz').name, 'not-found');
    assert.equal(matchRoute('/api/sessions').name, 'not-found');
  });
});

describe('after sign-in', () => {
  test('goes to `next` when it is a page of the app, else to the sessions', () => {
    assert.equal(readNextPath('?next=%2Fsessions%2Fabc-123-xyz%3Ft%3D5'), '/sessions/abc-123-xyz?t=5');
    assert.equal(readNextPath(`?next=/traces/${'a'.repeat(32)}`), `/traces/${'a'.repeat(32)}`);
    assert.equal(readNextPath(''), '/sessions');
    assert.equal(readNextPath('?next=//evil.example/sessions'), '/sessions');
    assert.equal(readNextPath('?next=https://evil.example/'), '/sessions');
    assert.equal(readNextPath('?next=/%5Cevil.example'), '/sessions');
    assert.equal(readNextPath('?next=/api/query'), '/sessions');
    assert.equal(readNextPath('?next=/sign-in'), '/sessions');
  });
});

describe('hrefs', () => {
  test('build shareable links', () => {
    assert.equal(sessionHref('abc-123-xyz'), '/sessions/abc-123-xyz');
    assert.equal(sessionHref('abc-123-xyz', 1234.6), '/sessions/abc-123-xyz?t=1235');
    assert.equal(sessionHref('abc-123-xyz', -50), '/sessions/abc-123-xyz?t=0');
    assert.equal(traceHref('ABC'), '/traces/abc');
    assert.equal(sessionsHref(), '/sessions');
    assert.equal(sessionsHref({ hasError: true }), '/sessions?hasError=true');
  });

  test('read t as whole milliseconds, ignoring junk', () => {
    assert.equal(readReplayTime('?t=61500'), 61500);
    assert.equal(readReplayTime('?t=12.7'), 13);
    assert.equal(readReplayTime('?t=-1'), undefined);
    assert.equal(readReplayTime('?t=soon'), undefined);
    assert.equal(readReplayTime(''), undefined);
  });
});

describe('link clicks', () => {
  const origin = 'http://127.0.0.1:4318';
  const plain: LinkClick = {
    button: 0,
    metaKey: false,
    ctrlKey: false,
    shiftKey: false,
    altKey: false,
    defaultPrevented: false,
    href: `${origin}/traces/${'a'.repeat(32)}`,
    target: null,
    download: false,
  };

  test('a plain click on an app link navigates in place', () => {
    assert.equal(readInAppNavigation(plain, origin), `/traces/${'a'.repeat(32)}`);
    assert.equal(
      readInAppNavigation({ ...plain, href: `${origin}/sessions/s-12345678?t=5` }, origin),
      '/sessions/s-12345678?t=5',
    );
  });

  test('new-tab gestures, other origins and non-app paths are left to the browser', () => {
    assert.equal(readInAppNavigation({ ...plain, ctrlKey: true }, origin), undefined);
    assert.equal(readInAppNavigation({ ...plain, metaKey: true }, origin), undefined);
    assert.equal(readInAppNavigation({ ...plain, button: 1 }, origin), undefined);
    assert.equal(readInAppNavigation({ ...plain, target: '_blank' }, origin), undefined);
    assert.equal(readInAppNavigation({ ...plain, download: true }, origin), undefined);
    assert.equal(readInAppNavigation({ ...plain, defaultPrevented: true }, origin), undefined);
    assert.equal(readInAppNavigation({ ...plain, href: 'https://shop.example/traces/x' }, origin), undefined);
    assert.equal(readInAppNavigation({ ...plain, href: `${origin}/api/sessions` }, origin), undefined);
    assert.equal(readInAppNavigation({ ...plain, href: `${origin}/sightline.js` }, origin), undefined);
  });
});
