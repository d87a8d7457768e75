import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { context, DiagLogLevel, diag, trace } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { InMemoryLogRecordExporter } from '@opentelemetry/sdk-logs';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { registerSightline } from '../../src/register/register-sightline.js';
import { contextWithSessionId } from '../../src/session/session-context.js';

const warnings: string[] = [];
diag.setLogger(
  {
    error: () => {},
    warn: (...args: unknown[]) => void warnings.push(args.join(' ')),
    info: () => {},
    debug: () => {},
    verbose: () => {},
  },
  DiagLogLevel.WARN,
);

// the app's own OTel setup, made before registerSightline(): traces only, no propagator
const appSpans = new InMemorySpanExporter();
const appProvider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter: appSpans })] });
trace.setGlobalTracerProvider(appProvider);
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());

const sightlineLogs = new InMemoryLogRecordExporter();
const registration = registerSightline({ serviceName: 'legacy-api', logExporter: sightlineLogs });

after(async () => {
  await registration.shutdown();
  await appProvider.shutdown();
});

describe('registerSightline() beside an existing OTel setup', () => {
  it('starts no second SDK and keeps the app tracer provider', () => {
    assert.equal(registration.mode, 'existing');
    const span = trace.getTracer('app').startSpan('still the app provider');
    span.end();
    assert.equal(appSpans.getFinishedSpans().at(-1)?.name, 'still the app provider');
  });

  it('tells, through diag, what to add to the existing provider', () => {
    const all = warnings.join('\n');
    assert.match(all, /tracer provider is already registered/);
    assert.match(all, /SessionSpanProcessor/);
    assert.match(all, /SessionBaggagePropagator/);
    assert.match(all, /does not send W3C baggage/);
  });

  it('adds the missing logger provider, with session.id on its records', async () => {
    context.with(contextWithSessionId(context.active(), 'legacy-session-01'), () =>
      logs.getLogger('app').emit({ body: 'from the app' }),
    );
    await registration.forceFlush();
    const record = sightlineLogs.getFinishedLogRecords().find((candidate) => candidate.body === 'from the app');
    assert.equal(record?.attributes['session.id'], 'legacy-session-01');
    assert.equal(record?.resource.attributes['service.name'], 'legacy-api');
  });
});
