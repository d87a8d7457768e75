import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SightlineNodeError } from '../../src/errors.js';
import { resolveSessionMiddlewareOptions } from '../../src/middleware/middleware-options.js';
import { sessionMiddleware } from '../../src/middleware/node/session-middleware.js';

describe('resolveSessionMiddlewareOptions', () => {
  it('fills the defaults', () => {
    assert.deepEqual(resolveSessionMiddlewareOptions(), {
      header: 'x-session-id',
      cookie: 'sightline_sid',
      serverTiming: true,
    });
  });

  it('lower-cases the header name', () => {
    assert.equal(resolveSessionMiddlewareOptions({ header: 'X-Replay-Session' }).header, 'x-replay-session');
  });

  it('names the bad option, what was expected and the value given', () => {
    assert.throws(
      () => resolveSessionMiddlewareOptions({ serverTiming: 'yes' }),
      (error: unknown) =>
        error instanceof SightlineNodeError &&
        error.code === 'invalid_option' &&
        error.message === "@sightline/node: invalid option serverTiming: expected a boolean (actual: 'yes')",
    );
    assert.throws(
      () => sessionMiddleware({ cookie: 'a b' }),
      /invalid option cookie: expected a header or cookie name/,
    );
    assert.throws(() => resolveSessionMiddlewareOptions(null), /invalid option options: expected an object/);
  });
});
