import { type Context, context, type Span } from '@opentelemetry/api';
import type { FastifyPluginCallback, FastifyRequest } from 'fastify';
import { reportInternalError } from '../../internal/report-internal-error.js';
import { enterRequestSession } from '../enter-request-session.js';
import { resolveSessionMiddlewareOptions, type SessionMiddlewareOptions } from '../middleware-options.js';
import { addServerTimingOnHeaders } from '../node/add-server-timing.js';

/**
 * The Fastify plugin of `sessionMiddleware()`: same reading, validation, span attribute,
 * context and `Server-Timing`. Its `onRequest` hook applies to the whole app (the plugin
 * is not encapsulated), and the rest of the request runs in the session's context: Fastify
 * carries it through body parsing itself (its parser is an `AsyncResource`).
 *
 * With `@fastify/otel`, whose hooks and handlers run in a context it stored before this
 * hook ran, the plugin also stamps that instrumentation's request span; the spans it starts
 * later get `session.id` from their parent span through `SessionSpanProcessor`.
 *
 * @example
 * await app.register(sessionPlugin);
 * await app.register(sessionPlugin, { serverTiming: false });
 */
const sessionPluginCallback: FastifyPluginCallback<SessionMiddlewareOptions> = (fastify, options, done) => {
  const resolved = resolveSessionMiddlewareOptions(options);

  fastify.addHook('onRequest', function sightlineSession(request, reply, hookDone) {
    let entered: Context | undefined;
    try {
      const session = enterRequestSession((name) => request.headers[name], resolved, context.active(), [
        readFastifyOtelSpan(request),
      ]);
      if (session.serverTiming !== undefined) addServerTimingOnHeaders(reply.raw, session.serverTiming);
      entered = session.context;
    } catch (error) {
      reportInternalError(error, 'sessionPlugin');
    }
    if (entered === undefined) hookDone();
    else context.with(entered, hookDone);
  });

  done();
};

/** The request span of `@fastify/otel`, when that instrumentation is active. */
function readFastifyOtelSpan(request: FastifyRequest): Span | undefined {
  const otel = (request as unknown as { opentelemetry?: () => { span?: Span | null } }).opentelemetry;
  if (typeof otel !== 'function') return undefined;
  return otel.call(request).span ?? undefined;
}

// what fastify-plugin does: skip encapsulation so the hook covers every route
export const sessionPlugin = Object.assign(sessionPluginCallback, {
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: '@sightline/node',
});
