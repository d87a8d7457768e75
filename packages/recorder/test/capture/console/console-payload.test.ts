import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildConsolePayload, RECORDER_LOG_PREFIX } from '../../../src/capture/console/console-payload.js';

const options = { maxArgLength: 20, maxDepth: 2 };

describe('buildConsolePayload', () => {
  it('serializes each argument', () => {
    assert.deepEqual(buildConsolePayload('warn', ['cart total', 12, { items: [1] }], options), {
      level: 'warn',
      args: ['cart total', '12', '{items: [1]}'],
    });
  });

  it('flags a payload in which something was cut', () => {
    const payload = buildConsolePayload('log', ['x'.repeat(30)], options);
    assert.equal(payload?.truncated, true);
    assert.equal(payload?.args[0]?.length, 20);
    assert.equal(buildConsolePayload('log', [{ a: { b: { c: 1 } } }], options)?.truncated, true);
    assert.equal(
      buildConsolePayload(
        'log',
        Array.from({ length: 60 }, () => 'a'),
        options,
      )?.args.length,
      50,
    );
  });

  it('records a failed assertion and skips a passing one', () => {
    assert.equal(buildConsolePayload('assert', [true, 'never'], options), undefined);
    assert.deepEqual(buildConsolePayload('assert', [false, 'stock < 0'], options), {
      level: 'assert',
      args: ['Assertion failed', 'stock < 0'],
    });
  });

  it('leaves out the recorder’s own messages', () => {
    assert.equal(buildConsolePayload('warn', [`${RECORDER_LOG_PREFIX} upload failed`], options), undefined);
  });
});
