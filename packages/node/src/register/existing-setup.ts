import { ProxyTracerProvider, propagation, trace } from '@opentelemetry/api';

/**
 * Whether an OpenTelemetry tracer provider is already registered globally (the app, or a
 * vendor agent, set up OTel before `registerSightline()`). The API hands out a proxy whose
 * delegate stays the no-op provider until someone registers.
 */
export function hasGlobalTracerProvider(): boolean {
  const provider = trace.getTracerProvider();
  if (!(provider instanceof ProxyTracerProvider)) return true;
  return provider.getDelegate() !== new ProxyTracerProvider().getDelegate();
}

/** Whether the registered propagator sends W3C `baggage`, which carries `session.id` downstream. */
export function propagatesBaggage(): boolean {
  return propagation.fields().includes('baggage');
}
