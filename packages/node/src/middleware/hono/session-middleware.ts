import { context } from '@opentelemetry/api';
import type { MiddlewareHandler } from 'hono';
import { reportInternalError } from '../../internal/report-internal-error.js';
import { enterRequestSession, type RequestSession } from '../enter-request-session.js';
import { resolveSessionMiddlewareOptions, type SessionMiddlewareOptions } from '../middleware-options.js';

/**
 * The Hono middleware of `sessionMiddleware()`: same reading, validation, span attribute,
 * context and `Server-Timing` (appended to the response after the handler ran, as Hono's
 * own `timing()` middleware does). Hono chains middlewares with promises, so the context
 * holds through `await c.req.json()` and every handler.
 *
 * @example
 * app.use(sessionMiddleware());
 */
export function sessionMiddleware(options?: SessionMiddlewareOptions): MiddlewareHandler {
  const resolved = resolveSessionMiddlewareOptions(options);
  return async function sightlineSession(c, next) {
    let session: RequestSession | undefined;
    try {
      session = enterRequestSession((name) => c.req.header(name), resolved);
    } catch (error) {
      reportInternalError(error, 'sessionMiddleware (hono)');
    }
    if (session === undefined) return next();
    await context.with(session.context, next);
    if (session.serverTiming !== undefined) appendServerTiming(c, session.serverTiming);
  };
}

// after the handler: c.header() copies a finalized response, so its headers are writable
function appendServerTiming(c: Parameters<MiddlewareHandler>[0], entry: string): void {
  try {
    const existing = c.res.headers.get('server-timing') ?? '';
    if (existing.split(',').some((part) => part.trim() === entry)) return;
    c.header('Server-Timing', entry, { append: true });
  } catch (error) {
    reportInternalError(error, 'adding Server-Timing (hono)');
  }
}
