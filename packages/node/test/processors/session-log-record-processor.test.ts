import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { context, ROOT_CONTEXT, TraceFlags, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { SessionLogRecordProcessor } from '../../src/processors/session-log-record-processor.js';
import { contextWithSessionId } from '../../src/session/session-context.js';

const ID = 'log-session-0123';
const exporter = new InMemoryLogRecordExporter();
const provider = new LoggerProvider({
  processors: [new SessionLogRecordProcessor(), new SimpleLogRecordProcessor({ exporter })],
});
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
const logger = provider.getLogger('test');

after(async () => {
  await provider.shutdown();
  context.disable();
});

function record(body: string) {
  const found = exporter.getFinishedLogRecords().find((candidate) => candidate.body === body);
  assert.ok(found, `record ${body} exported`);
  return found;
}

describe('SessionLogRecordProcessor', () => {
  it('adds session.id to records emitted in a session, with the trace and span ids', () => {
    const spanContext = { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: TraceFlags.SAMPLED };
    const ctx = contextWithSessionId(trace.setSpanContext(ROOT_CONTEXT, spanContext), ID);
    context.with(ctx, () => logger.emit({ body: 'active context' }));
    logger.emit({ body: 'given context', context: ctx });

    for (const body of ['active context', 'given context']) {
      const found = record(body);
      assert.equal(found.attributes['session.id'], ID);
      assert.equal(found.spanContext?.traceId, spanContext.traceId);
      assert.equal(found.spanContext?.spanId, spanContext.spanId);
    }
  });

  it('leaves records outside a session, and an explicit session.id, alone', () => {
    logger.emit({ body: 'no session' });
    context.with(contextWithSessionId(ROOT_CONTEXT, ID), () =>
      logger.emit({ body: 'explicit', attributes: { 'session.id': 'set-by-app-1' } }),
    );
    assert.equal(record('no session').attributes['session.id'], undefined);
    assert.equal(record('explicit').attributes['session.id'], 'set-by-app-1');
  });
});
