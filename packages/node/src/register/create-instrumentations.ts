import { type IncomingMessage, ServerResponse } from 'node:http';
import { FastifyOtelInstrumentation } from '@fastify/otel';
import type { Span } from '@opentelemetry/api';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { reportInternalError } from '../internal/report-internal-error.js';
import { addServerTimingOnHeaders } from '../middleware/node/add-server-timing.js';
import { formatServerTimingEntry } from '../middleware/server-timing.js';

/**
 * The instrumentations `registerSightline()` installs: the common Node stack, picked one
 * by one rather than through the auto-instrumentations bundle to stay light.
 * - http: server spans (and `Server-Timing` on every response), outgoing `http.request`
 * - undici: outgoing `fetch()`
 * - Express 4/5; Fastify 4/5 through `@fastify/otel`, the Fastify team's own instrumentation
 * - pg: database spans
 * - pino: trace IDs in log lines, and log lines sent through the OTel Logs SDK
 */
export function createDefaultInstrumentations(options: { serverTiming?: boolean } = {}): Instrumentation[] {
  return [
    new HttpInstrumentation(options.serverTiming === false ? {} : { responseHook: addServerTimingToIncoming }),
    new UndiciInstrumentation(),
    new ExpressInstrumentation(),
    new FastifyOtelInstrumentation({ registerOnInitialization: true }) as unknown as Instrumentation,
    new PgInstrumentation(),
    new PinoInstrumentation(),
  ];
}

// the http instrumentation calls it when a server span starts, before the app's handler
function addServerTimingToIncoming(span: Span, response: IncomingMessage | ServerResponse): void {
  if (!(response instanceof ServerResponse)) return;
  try {
    const entry = formatServerTimingEntry(span.spanContext());
    if (entry !== undefined) addServerTimingOnHeaders(response, entry);
  } catch (error) {
    reportInternalError(error, 'Server-Timing from the http instrumentation');
  }
}
