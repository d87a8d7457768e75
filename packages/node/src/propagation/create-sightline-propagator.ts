import type { TextMapPropagator } from '@opentelemetry/api';
import { CompositePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { SessionBaggagePropagator } from './session-baggage-propagator.js';

/** W3C `traceparent`/`tracestate`, and W3C `baggage` that reads and carries the session. */
export function createSightlinePropagator(): TextMapPropagator {
  return new CompositePropagator({
    propagators: [new W3CTraceContextPropagator(), new SessionBaggagePropagator()],
  });
}
