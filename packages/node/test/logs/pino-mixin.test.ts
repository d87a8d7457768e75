import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { context, ROOT_CONTEXT, TraceFlags, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { pino } from 'pino';
import { sightlinePinoMixin } from '../../src/logs/pino-mixin.js';
import { contextWithSessionId } from '../../src/session/session-context.js';

const ID = 'pino-session-0123';
const spanContext = { traceId: 'c'.repeat(32), spanId: 'd'.repeat(16), traceFlags: TraceFlags.SAMPLED };

context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
after(() => context.disable());

describe('sightlinePinoMixin', () => {
  it('returns session.id, trace_id and span_id in a request', () => {
    const ctx = contextWithSessionId(trace.setSpanContext(ROOT_CONTEXT, spanContext), ID);
    assert.deepEqual(
      context.with(ctx, () => sightlinePinoMixin()),
      { 'session.id': ID, trace_id: spanContext.traceId, span_id: spanContext.spanId },
    );
  });

  it('returns only what is known', () => {
    assert.deepEqual(sightlinePinoMixin(), {});
    assert.deepEqual(
      context.with(contextWithSessionId(ROOT_CONTEXT, ID), () => sightlinePinoMixin()),
      { 'session.id': ID },
    );
  });

  it('puts the fields on every line of a real pino logger', () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ mixin: sightlinePinoMixin }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const ctx = contextWithSessionId(trace.setSpanContext(ROOT_CONTEXT, spanContext), ID);
    context.with(ctx, () => logger.info({ order: 7 }, 'order placed'));
    logger.info('outside');
    assert.equal(lines[0]?.['session.id'], ID);
    assert.equal(lines[0]?.trace_id, spanContext.traceId);
    assert.equal(lines[0]?.order, 7);
    assert.equal(lines[1]?.['session.id'], undefined);
  });
});
