import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildErrorPayload, buildRejectionPayload } from '../../../src/capture/errors/error-payload.js';

describe('buildErrorPayload', () => {
  it('reads an ErrorEvent', () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'price')");
    const payload = buildErrorPayload({
      message: `Uncaught ${error.name}: ${error.message}`,
      filename: 'https://shop.example/app.js',
      lineno: 10,
      colno: 5,
      error,
    });
    assert.equal(payload.kind, 'error');
    assert.equal(payload.message, "Uncaught TypeError: Cannot read properties of undefined (reading 'price')");
    assert.equal(payload.name, 'TypeError');
    assert.equal(payload.source, 'https://shop.example/app.js');
    assert.equal(payload.line, 10);
    assert.equal(payload.column, 5);
    assert.match(payload.stack ?? '', /TypeError/);
  });

  it('keeps what a cross-origin script error gives and nothing more', () => {
    assert.deepEqual(buildErrorPayload({ message: 'Script error.', filename: '', lineno: 0, colno: 0, error: null }), {
      kind: 'error',
      message: 'Script error.',
    });
  });

  it('uses a thrown non-Error as message', () => {
    assert.equal(buildErrorPayload({ message: '', error: { code: 42 } }).message, '{code: 42}');
  });
});

describe('buildRejectionPayload', () => {
  it('reads an Error reason', () => {
    const payload = buildRejectionPayload(new RangeError('quantity out of range'));
    assert.equal(payload.kind, 'unhandledrejection');
    assert.equal(payload.name, 'RangeError');
    assert.equal(payload.message, 'quantity out of range');
    assert.ok(payload.stack);
  });

  it('serializes any other reason', () => {
    assert.deepEqual(buildRejectionPayload('timeout'), { kind: 'unhandledrejection', message: 'timeout' });
    assert.deepEqual(buildRejectionPayload({ status: 500 }), { kind: 'unhandledrejection', message: '{status: 500}' });
    assert.deepEqual(buildRejectionPayload(undefined), { kind: 'unhandledrejection', message: '' });
  });

  it('caps a runaway stack', () => {
    const error = new Error('deep');
    error.stack = `Error: deep\n${'    at recurse (app.js:1:1)\n'.repeat(5000)}`;
    assert.ok((buildRejectionPayload(error).stack?.length ?? 0) <= 16_000);
  });
});
