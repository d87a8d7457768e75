import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CSRF_HEADER, createApiClient, withQuery } from '../../src/api/api-client';
import { ApiError } from '../../src/api/api-error';
import { signIn, signOut } from '../../src/api/auth-api';
import { listSessions } from '../../src/api/sessions-api';
import { createFakeFetch, jsonResponse, type RecordedRequest } from '../fixtures/fake-fetch';

function headersOf(request: RecordedRequest | undefined): Record<string, string> {
  return (request?.init?.headers ?? {}) as Record<string, string>;
}

describe('api client', () => {
  test('same-origin credentials, JSON accept and the CSRF header on every call', async () => {
    const fake = createFakeFetch(() => jsonResponse({ ok: true }));
    const client = createApiClient({ fetch: fake.fetch });
    await client.getJson('/api/sessions');
    await client.postJson('/api/query', { sql: 'SELECT 1' });
    for (const request of fake.requests) {
      assert.equal(request.init?.credentials, 'same-origin');
      const headers = headersOf(request);
      assert.equal(headers[CSRF_HEADER], '1');
      assert.equal(headers.accept, 'application/json');
      assert.equal(headers.authorization, undefined);
    }
    assert.equal(fake.requests[1]?.init?.method, 'POST');
    assert.equal(fake.requests[1]?.init?.body, '{"sql":"SELECT 1"}');
    assert.equal(headersOf(fake.requests[1])['content-type'], 'application/json');
  });

  test('401 calls onUnauthorized and throws `unauthorized` with the server message', async () => {
    let calls = 0;
    const fake = createFakeFetch(() =>
      jsonResponse({ error: { code: 'unauthorized', message: 'missing token' } }, 401),
    );
    const client = createApiClient({ fetch: fake.fetch, onUnauthorized: () => (calls += 1) });
    await assert.rejects(client.getJson('/api/sessions'), (error: unknown) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.code, 'unauthorized');
      assert.equal(error.status, 401);
      assert.equal(error.message, 'missing token');
      return true;
    });
    assert.equal(calls, 1);
  });

  test('maps statuses, network failures and bodies that are not JSON', async () => {
    const cases: [Response | Error, string][] = [
      [jsonResponse({ error: { message: 'no session' } }, 404), 'not_found'],
      [new Response('oops', { status: 500 }), 'server_error'],
      [new Response('<html>', { status: 200 }), 'invalid_response'],
      [new TypeError('Failed to fetch'), 'network_error'],
    ];
    for (const [answer, code] of cases) {
      const fake = createFakeFetch(() => {
        if (answer instanceof Error) throw answer;
        return answer;
      });
      await assert.rejects(createApiClient({ fetch: fake.fetch }).getJson('/x'), (error: unknown) => {
        assert.ok(error instanceof ApiError);
        assert.equal(error.code, code);
        return true;
      });
    }
  });

  test('query strings skip empty values', () => {
    assert.equal(withQuery('/a', { x: 1, y: '', z: undefined, n: null, f: false, t: true }), '/a?x=1&t=1');
    assert.equal(withQuery('/a?b=1', { c: 'd e' }), '/a?b=1&c=d+e');
    assert.equal(withQuery('/a', undefined), '/a');
  });

  test('listSessions passes the filters under their URL names', async () => {
    const fake = createFakeFetch(() => jsonResponse({ sessions: [], nextCursor: null }));
    await listSessions(
      createApiClient({ fetch: fake.fetch }),
      { user: 'ada', hasError: true, minDurationMs: 1000, sort: 'longest' },
      { cursor: 'abc', limit: 25 },
    );
    assert.equal(
      fake.requests[0]?.url,
      '/api/sessions?user=ada&hasError=true&minDurationMs=1000&sort=longest&limit=25&cursor=abc',
    );
  });
});

describe('sign-in', () => {
  test('posts the token with the CSRF header, then sends it no more: the cookie is the credential', async () => {
    const fake = createFakeFetch(() => new Response(null, { status: 204 }));
    const client = createApiClient({ fetch: fake.fetch });
    await signIn(client, 'secret');
    assert.equal(fake.requests[0]?.url, '/api/auth/sign-in');
    assert.equal(fake.requests[0]?.init?.body, '{"token":"secret"}');
    assert.equal(headersOf(fake.requests[0])[CSRF_HEADER], '1');
    await client.getJson('/api/sessions').catch(() => undefined);
    assert.equal(headersOf(fake.requests[1]).authorization, undefined);
    assert.equal(fake.requests[1]?.init?.credentials, 'same-origin');
  });

  test('a wrong token throws `unauthorized`; a server without the route throws too', async () => {
    const wrong = createFakeFetch(() => jsonResponse({ error: { message: 'unknown token' } }, 401));
    await assert.rejects(signIn(createApiClient({ fetch: wrong.fetch }), 'x'), { code: 'unauthorized' });
    const missing = createFakeFetch(() => jsonResponse({ error: { message: 'Route not found' } }, 404));
    await assert.rejects(signIn(createApiClient({ fetch: missing.fetch }), 'x'), { code: 'not_found' });
  });
});

describe('sign-out', () => {
  test('posts with the CSRF header and never throws', async () => {
    const fake = createFakeFetch(() => jsonResponse({ signedIn: false }));
    await signOut(createApiClient({ fetch: fake.fetch }));
    assert.equal(fake.requests[0]?.url, '/api/auth/sign-out');
    assert.equal(fake.requests[0]?.init?.method, 'POST');
    assert.equal(headersOf(fake.requests[0])[CSRF_HEADER], '1');
    const failing = createFakeFetch(() => {
      throw new TypeError('offline');
    });
    await signOut(createApiClient({ fetch: failing.fetch }));
  });
});
