import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SightlineError } from '../../src/errors.js';
import { resolveRecorderOptions } from '../../src/options.js';

const PAGE = 'https://shop.example/checkout?step=2';

describe('resolveRecorderOptions', () => {
  it('fills every default', () => {
    const resolved = resolveRecorderOptions({ key: 'ingest-key' }, PAGE);
    assert.equal(resolved.endpoint, 'https://shop.example');
    assert.equal(resolved.privacyMode, 'mask-inputs');
    assert.equal(resolved.maskAllInputs, true);
    assert.equal(resolved.sessionSampleRate, 1);
    assert.equal(resolved.errorSampleRate, 1);
    assert.deepEqual(resolved.segmentRules, []);
    assert.equal(resolved.cookie, true);
    assert.equal(resolved.flushIntervalMs, 5000);
    assert.equal(resolved.maxBatchBytes, 512 * 1024);
    assert.equal(resolved.maxPendingBytes, 5 * 1024 * 1024);
    assert.equal(resolved.mutationLimit, 5000);
    assert.deepEqual(resolved.network, { captureBodiesFor: [], maxBodyLength: 10_000, scrubQueryValues: true });
    assert.deepEqual(resolved.console, {
      levels: ['log', 'info', 'warn', 'error', 'assert', 'trace'],
      maxArgLength: 1000,
      maxDepth: 3,
    });
    assert.deepEqual(resolved.performance, { longTaskThresholdMs: 50 });
    assert.doesNotThrow(() => resolved.onInternalError(new SightlineError('internal', 'x')));
  });

  it('normalizes the endpoint: absolute, path prefix kept, no trailing slash', () => {
    assert.equal(
      resolveRecorderOptions({ key: 'k', endpoint: 'https://s.example/' }, PAGE).endpoint,
      'https://s.example',
    );
    assert.equal(
      resolveRecorderOptions({ key: 'k', endpoint: 'https://s.example/sightline/' }, PAGE).endpoint,
      'https://s.example/sightline',
    );
    assert.equal(
      resolveRecorderOptions({ key: 'k', endpoint: '/sightline' }, PAGE).endpoint,
      'https://shop.example/sightline',
    );
  });

  it('names the bad value and the fix', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [
        {},
        /^key: expected the ingest key of your Sightline org \(actual: undefined\); pass init\(\{ key \}\) or data-key/,
      ],
      [{ key: 'k', sessionSampleRate: 1.5 }, /^sessionSampleRate: expected a number from 0 to 1 \(actual: 1\.5\)$/],
      [{ key: 'k', errorSampleRate: '0.5' }, /^errorSampleRate: expected a number from 0 to 1 \(actual: '0\.5'\)$/],
      [
        { key: 'k', privacyMode: 'strict' },
        /^privacyMode: expected one of 'none', 'mask-inputs', 'mask-all' \(actual: 'strict'\)$/,
      ],
      [
        { key: 'k', endpoint: 'ftp://x.example' },
        /^endpoint: expected an http: or https: URL \(actual: 'ftp:\/\/x\.example'\)$/,
      ],
      [{ key: 'k', flushIntervalMs: -1 }, /^flushIntervalMs: expected an integer greater than 0 \(actual: -1\)$/],
      [{ key: 'k', segmentRules: [{ trait: 'plan' }] }, /^segmentRules\[0\]: expected \{ trait: string, equals/],
      [
        { key: 'k', propagateTo: ['https://api.example', 3] },
        /^propagateTo\[\]: expected an origin, a URL prefix or a RegExp \(actual: 3\)$/,
      ],
      [{ key: 'k', console: { levels: ['verbose'] } }, /^console\.levels\[\]: expected one of 'log'/],
      [{ key: 'k', network: 'yes' }, /^network: expected an object of settings, or false to turn it off/],
      [{ key: 'k', onInternalError: 'log' }, /^onInternalError: expected a function/],
      [{ key: 'a key' }, /^key: expected an ingest key without spaces/],
    ];
    for (const [options, message] of cases) {
      assert.throws(
        () => resolveRecorderOptions(options as never, PAGE),
        (error: unknown) =>
          error instanceof SightlineError && error.code === 'invalid_option' && message.test(error.message),
        `${JSON.stringify(options)} → ${message}`,
      );
    }
  });

  it('turns captures off with false and keeps user selectors', () => {
    const resolved = resolveRecorderOptions(
      { key: 'k', network: false, console: false, performance: false, maskSelector: '.pii', blockSelector: '#chat' },
      PAGE,
    );
    assert.equal(resolved.network, false);
    assert.equal(resolved.console, false);
    assert.equal(resolved.performance, false);
    assert.equal(resolved.maskSelector, '.pii');
    assert.equal(resolved.blockSelector, '#chat');
  });

  it('needs an endpoint outside a page', () => {
    assert.throws(() => resolveRecorderOptions({ key: 'k' }, undefined), /^SightlineError|endpoint: expected a URL/);
  });
});
