import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { INVALID_SPAN_CONTEXT, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import {
  contextWithoutInvalidSessionBaggage,
  contextWithSessionId,
  getSessionId,
  readSpanSessionId,
} from '../../src/session/session-context.js';

const ID = 'session-0123456789';

describe('session context', () => {
  it('keeps the session in a key and in baggage', () => {
    const ctx = contextWithSessionId(ROOT_CONTEXT, ID);
    assert.equal(getSessionId(ctx), ID);
    assert.equal(propagation.getBaggage(ctx)?.getEntry('session.id')?.value, ID);
  });

  it("keeps the app's other baggage members", () => {
    const withBaggage = propagation.setBaggage(ROOT_CONTEXT, propagation.createBaggage({ tenant: { value: 'acme' } }));
    const ctx = contextWithSessionId(withBaggage, ID);
    assert.equal(propagation.getBaggage(ctx)?.getEntry('tenant')?.value, 'acme');
  });

  it('reads valid session.id baggage from an upstream service', () => {
    const ctx = propagation.setBaggage(ROOT_CONTEXT, propagation.createBaggage({ 'session.id': { value: ID } }));
    assert.equal(getSessionId(ctx), ID);
  });

  it('ignores invalid session.id baggage, and drops it so it is not forwarded', () => {
    const ctx = propagation.setBaggage(
      ROOT_CONTEXT,
      propagation.createBaggage({ 'session.id': { value: '<forged>' }, tenant: { value: 'acme' } }),
    );
    assert.equal(getSessionId(ctx), undefined);
    const cleaned = contextWithoutInvalidSessionBaggage(ctx);
    assert.equal(propagation.getBaggage(cleaned)?.getEntry('session.id'), undefined);
    assert.equal(propagation.getBaggage(cleaned)?.getEntry('tenant')?.value, 'acme');
  });

  it("falls back to the active span's own session.id attribute", () => {
    const span = { attributes: { 'session.id': ID }, spanContext: () => INVALID_SPAN_CONTEXT };
    assert.equal(readSpanSessionId(span), ID);
    assert.equal(readSpanSessionId({ attributes: { 'session.id': 'bad id' } }), undefined);
    assert.equal(readSpanSessionId(trace.wrapSpanContext(INVALID_SPAN_CONTEXT)), undefined);
  });

  it('is undefined outside a session', () => {
    assert.equal(getSessionId(ROOT_CONTEXT), undefined);
    assert.equal(getSessionId(), undefined);
  });
});
