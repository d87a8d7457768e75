import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  defaultTextMapGetter,
  defaultTextMapSetter,
  propagation,
  ROOT_CONTEXT,
  TraceFlags,
  trace,
} from '@opentelemetry/api';
import { SessionBaggagePropagator } from '../../src/propagation/session-baggage-propagator.js';
import { contextWithSessionId, getSessionId } from '../../src/session/session-context.js';

const ID = 'f3b0c442-98fc-4c14-9afb-f4c8996fb924';

function inject(ctx: Parameters<SessionBaggagePropagator['inject']>[0]): Record<string, string> {
  const carrier: Record<string, string> = {};
  new SessionBaggagePropagator().inject(ctx, carrier, defaultTextMapSetter);
  return carrier;
}

describe('SessionBaggagePropagator', () => {
  it('extracts the session from X-Session-ID, baggage or the cookie into the context', () => {
    const propagator = new SessionBaggagePropagator();
    for (const carrier of [
      { 'x-session-id': ID },
      { baggage: `session.id=${ID}` },
      { cookie: `a=b; sightline_sid=${ID}` },
    ]) {
      const ctx = propagator.extract(ROOT_CONTEXT, carrier, defaultTextMapGetter);
      assert.equal(getSessionId(ctx), ID, JSON.stringify(carrier));
      assert.equal(propagation.getBaggage(ctx)?.getEntry('session.id')?.value, ID);
    }
  });

  it('keeps the other baggage members and drops a forged session.id', () => {
    const ctx = new SessionBaggagePropagator().extract(
      ROOT_CONTEXT,
      { baggage: 'tenant=acme,session.id=%3Cscript%3E' },
      defaultTextMapGetter,
    );
    assert.equal(getSessionId(ctx), undefined);
    assert.equal(propagation.getBaggage(ctx)?.getEntry('tenant')?.value, 'acme');
    assert.equal(propagation.getBaggage(ctx)?.getEntry('session.id'), undefined);
  });

  it('sends session.id in baggage, with the other members', () => {
    const withTenant = propagation.setBaggage(ROOT_CONTEXT, propagation.createBaggage({ tenant: { value: 'acme' } }));
    const carrier = inject(contextWithSessionId(withTenant, ID));
    assert.deepEqual(carrier.baggage?.split(',').sort(), [`session.id=${ID}`, 'tenant=acme']);
    assert.equal(carrier['x-session-id'], undefined, 'X-Session-ID stays between the browser and its backend');
  });

  it("sends session.id known only from the active span's attribute", () => {
    const span = Object.assign(
      trace.wrapSpanContext({ traceId: '1'.repeat(32), spanId: '2'.repeat(16), traceFlags: TraceFlags.SAMPLED }),
      { attributes: { 'session.id': ID } },
    );
    assert.equal(inject(trace.setSpan(ROOT_CONTEXT, span)).baggage, `session.id=${ID}`);
  });

  it('sends nothing without a session or baggage', () => {
    assert.deepEqual(inject(ROOT_CONTEXT), {});
    assert.deepEqual(new SessionBaggagePropagator().fields(), ['baggage']);
  });

  it('rejects a header name that is not a token', () => {
    assert.throws(() => new SessionBaggagePropagator({ header: 'x session' }), /invalid option header/);
  });
});
