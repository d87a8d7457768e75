import type { IncomingMessage, ServerResponse } from 'node:http';
import { context } from '@opentelemetry/api';
import { reportInternalError } from '../../internal/report-internal-error.js';
import { enterRequestSession, type RequestSession } from '../enter-request-session.js';
import { resolveSessionMiddlewareOptions, type SessionMiddlewareOptions } from '../middleware-options.js';
import { addServerTimingOnHeaders } from './add-server-timing.js';

/** A Connect-style middleware: Express, Connect, Polka, or node:http through `withSession()`. */
export type NodeSessionMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/**
 * Links a request to the browser session: reads `X-Session-ID` (else `session.id` in
 * `baggage`, else the `sightline_sid` cookie), ignores it unless valid, sets `session.id`
 * on the HTTP server span and the active span, runs the rest of the request in a context
 * holding the session (so `SessionSpanProcessor` stamps every span started in it, and
 * outgoing calls carry it in `baggage`), and answers with
 * `Server-Timing: traceparent;desc="…"`. Never throws into the request.
 *
 * Register it first, before body parsers: spans of middlewares that ran earlier cannot
 * get the attribute (unless `SessionBaggagePropagator` is installed, as by `registerSightline()`).
 *
 * @example
 * app.use(sessionMiddleware());
 */
export function sessionMiddleware(options?: SessionMiddlewareOptions): NodeSessionMiddleware {
  const resolved = resolveSessionMiddlewareOptions(options);
  return function sightlineSession(req, res, next) {
    let session: RequestSession | undefined;
    try {
      session = enterRequestSession((name) => req.headers[name], resolved);
      if (session.serverTiming !== undefined) addServerTimingOnHeaders(res, session.serverTiming);
    } catch (error) {
      reportInternalError(error, 'sessionMiddleware');
    }
    if (session === undefined) next();
    else context.with(session.context, next);
  };
}

/**
 * Wraps a node:http request listener with `sessionMiddleware()`.
 *
 * @example
 * http.createServer(withSession((req, res) => res.end('ok'))).listen(3000);
 */
export function withSession<Req extends IncomingMessage, Res extends ServerResponse>(
  handler: (req: Req, res: Res) => void,
  options?: SessionMiddlewareOptions,
): (req: Req, res: Res) => void {
  const middleware = sessionMiddleware(options);
  return function requestListenerWithSession(req, res) {
    middleware(req, res, () => handler(req, res));
  };
}
