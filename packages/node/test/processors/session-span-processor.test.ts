import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { context, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { SessionSpanProcessor } from '../../src/processors/session-span-processor.js';
import { contextWithSessionId } from '../../src/session/session-context.js';

const ID = 'span-session-0123';
const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({
  spanProcessors: [new SessionSpanProcessor(), new SimpleSpanProcessor({ exporter })],
});
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
const tracer = provider.getTracer('test');

after(async () => {
  await provider.shutdown();
  context.disable();
});

function finished(name: string) {
  const span = exporter.getFinishedSpans().find((candidate) => candidate.name === name);
  assert.ok(span, `span ${name} ended`);
  return span;
}

describe('SessionSpanProcessor', () => {
  it('stamps session.id on spans started in a session context, however deep', async () => {
    await context.with(contextWithSessionId(context.active(), ID), () =>
      tracer.startActiveSpan('root', async (root) => {
        await tracer.startActiveSpan('child', async (child) => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          tracer.startSpan('grandchild').end();
          child.end();
        });
        root.end();
      }),
    );
    for (const name of ['root', 'child', 'grandchild']) assert.equal(finished(name).attributes['session.id'], ID);
  });

  it("inherits the parent span's session.id where the context lost the session", () => {
    const server = tracer.startSpan('server');
    server.setAttribute('session.id', ID);
    // a framework that runs code in a context holding only the span (no session key, no baggage)
    const child = tracer.startSpan('after body parsing', {}, trace.setSpan(ROOT_CONTEXT, server));
    child.end();
    server.end();
    assert.equal(finished('after body parsing').attributes['session.id'], ID);
  });

  it('links spans of a downstream service through session.id baggage', () => {
    const upstream = propagation.setBaggage(ROOT_CONTEXT, propagation.createBaggage({ 'session.id': { value: ID } }));
    tracer.startSpan('downstream', {}, upstream).end();
    assert.equal(finished('downstream').attributes['session.id'], ID);
  });

  it('keeps a session.id the span was started with, and stamps nothing outside a session', () => {
    context.with(contextWithSessionId(ROOT_CONTEXT, ID), () => {
      tracer.startSpan('explicit', { attributes: { 'session.id': 'set-by-app-1' } }).end();
    });
    tracer.startSpan('no session').end();
    assert.equal(finished('explicit').attributes['session.id'], 'set-by-app-1');
    assert.equal(finished('no session').attributes['session.id'], undefined);
  });
});
