import { type Context, context as contextApi, createContextKey, propagation, trace } from '@opentelemetry/api';
import { isValidSessionId, SESSION_ID_ATTRIBUTE } from './session-id.js';

// the same key in every copy of this package: Symbol.for under the hood
const SESSION_ID_KEY = createContextKey('sightline.session.id');

/**
 * `ctx` with the session: under a context key, and as `session.id` in the OTel Baggage,
 * so the W3C baggage propagator sends it on outgoing instrumented calls and downstream
 * services link their spans to the session too.
 */
export function contextWithSessionId(ctx: Context, sessionId: string): Context {
  const baggage = propagation.getBaggage(ctx) ?? propagation.createBaggage();
  const withBaggage =
    baggage.getEntry(SESSION_ID_ATTRIBUTE)?.value === sessionId
      ? ctx
      : propagation.setBaggage(ctx, baggage.setEntry(SESSION_ID_ATTRIBUTE, { value: sessionId }));
  return withBaggage.setValue(SESSION_ID_KEY, sessionId);
}

/**
 * `ctx` without a `session.id` baggage member that is not a valid session ID, so a forged
 * value a client put in `baggage` is not forwarded to downstream services.
 */
export function contextWithoutInvalidSessionBaggage(ctx: Context): Context {
  const baggage = propagation.getBaggage(ctx);
  const entry = baggage?.getEntry(SESSION_ID_ATTRIBUTE);
  if (baggage === undefined || entry === undefined || isValidSessionId(entry.value)) return ctx;
  return propagation.setBaggage(ctx, baggage.removeEntry(SESSION_ID_ATTRIBUTE));
}

/**
 * The session ID of the current request, for application code: from the context the
 * middleware or propagator set, else valid `session.id` baggage from an upstream service,
 * else the active span's `session.id` attribute (where a framework ran code outside the
 * request's context). `undefined` outside a session.
 *
 * @example
 * logger.info({ session: getSessionId() }, 'checkout failed');
 */
export function getSessionId(ctx: Context = contextApi.active()): string | undefined {
  const fromKey = ctx.getValue(SESSION_ID_KEY);
  if (isValidSessionId(fromKey)) return fromKey;

  const fromBaggage = propagation.getBaggage(ctx)?.getEntry(SESSION_ID_ATTRIBUTE)?.value;
  if (isValidSessionId(fromBaggage)) return fromBaggage;

  return readSpanSessionId(trace.getSpan(ctx));
}

/**
 * A span's own `session.id`, when it is an SDK span (which exposes its attributes); remote
 * and non-recording spans have none.
 */
export function readSpanSessionId(span: unknown): string | undefined {
  if (typeof span !== 'object' || span === null || !('attributes' in span)) return undefined;
  const attributes = span.attributes;
  if (typeof attributes !== 'object' || attributes === null) return undefined;
  const value = (attributes as Record<string, unknown>)[SESSION_ID_ATTRIBUTE];
  return isValidSessionId(value) ? value : undefined;
}
