import {
  type Context,
  propagation,
  type TextMapGetter,
  type TextMapPropagator,
  type TextMapSetter,
} from '@opentelemetry/api';
import { W3CBaggagePropagator } from '@opentelemetry/core';
import { checkToken } from '../internal/option-checks.js';
import { readSessionId, type SessionIdSources } from '../session/read-session-id.js';
import { contextWithoutInvalidSessionBaggage, contextWithSessionId, getSessionId } from '../session/session-context.js';
import { SESSION_ID_ATTRIBUTE, SESSION_ID_COOKIE, SESSION_ID_HEADER } from '../session/session-id.js';

export interface SessionBaggagePropagatorOptions {
  /** The request header the recorder sends the session ID in. @default 'x-session-id' */
  header?: string;
  /** The recorder's cookie, for navigations and form posts. @default 'sightline_sid' */
  cookie?: string;
}

/**
 * The W3C baggage propagator, plus the session. On an incoming request it reads the session
 * ID the way `sessionMiddleware()` does (`X-Session-ID`, else `session.id` baggage, else the
 * `sightline_sid` cookie) into the context *before* the HTTP server span starts, so every
 * span of the request — the server span and the framework's own spans included — gets
 * `session.id` from `SessionSpanProcessor`. On an outgoing call it sends `baggage` with
 * `session.id` whenever the context has a session, even where a framework dropped the
 * baggage and only the span still knows it.
 *
 * Use it instead of `W3CBaggagePropagator` (`registerSightline()` does).
 *
 * @example
 * new NodeSDK({ textMapPropagator: new CompositePropagator({
 *   propagators: [new W3CTraceContextPropagator(), new SessionBaggagePropagator()] }) });
 */
export class SessionBaggagePropagator implements TextMapPropagator {
  private readonly baggage = new W3CBaggagePropagator();
  private readonly sources: SessionIdSources;

  constructor(options: SessionBaggagePropagatorOptions = {}) {
    this.sources = {
      header: checkToken('header', options.header, SESSION_ID_HEADER).toLowerCase(),
      cookie: checkToken('cookie', options.cookie, SESSION_ID_COOKIE),
    };
  }

  inject(context: Context, carrier: unknown, setter: TextMapSetter): void {
    const sessionId = getSessionId(context);
    let withSession = context;
    if (sessionId !== undefined) {
      const baggage = propagation.getBaggage(context) ?? propagation.createBaggage();
      if (baggage.getEntry(SESSION_ID_ATTRIBUTE)?.value !== sessionId) {
        withSession = propagation.setBaggage(context, baggage.setEntry(SESSION_ID_ATTRIBUTE, { value: sessionId }));
      }
    }
    this.baggage.inject(withSession, carrier, setter);
  }

  extract(context: Context, carrier: unknown, getter: TextMapGetter): Context {
    const withBaggage = this.baggage.extract(context, carrier, getter);
    const sessionId = readSessionId((name) => getter.get(carrier, name), this.sources);
    return sessionId === undefined
      ? contextWithoutInvalidSessionBaggage(withBaggage)
      : contextWithSessionId(withBaggage, sessionId);
  }

  fields(): string[] {
    return this.baggage.fields();
  }
}
