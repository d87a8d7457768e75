import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SightlineError } from '../../src/errors.js';
import { createErrorReporter } from '../../src/internal/error-reporter.js';

describe('error reporter', () => {
  it('wraps failures in a SightlineError with the cause', () => {
    const reported: SightlineError[] = [];
    const reporter = createErrorReporter((error) => reported.push(error));
    const cause = new TypeError('boom');
    reporter.report(cause, 'record_failed');
    assert.equal(reported[0]?.code, 'record_failed');
    assert.equal(reported[0]?.message, 'boom');
    assert.equal(reported[0]?.cause, cause);
  });

  it('guards callbacks so nothing reaches the page, even from the handler', () => {
    const reporter = createErrorReporter(() => {
      throw new Error('the handler is broken too');
    });
    const guarded = reporter.guard((value: number) => {
      if (value > 1) throw new Error('bad');
      return value;
    });
    assert.equal(guarded(1), 1);
    assert.equal(guarded(2), undefined);
  });
});
