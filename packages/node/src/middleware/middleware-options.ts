import { checkBoolean, checkToken, invalidOption } from '../internal/option-checks.js';
import type { SessionIdSources } from '../session/read-session-id.js';
import { SESSION_ID_COOKIE, SESSION_ID_HEADER } from '../session/session-id.js';

/** Options of `sessionMiddleware()` (node:http, Express, Hono) and `sessionPlugin` (Fastify). */
export interface SessionMiddlewareOptions {
  /** The request header the recorder sends the session ID in (case-insensitive). @default 'x-session-id' */
  header?: string;
  /** The recorder's cookie, read when neither the header nor baggage has a session. @default 'sightline_sid' */
  cookie?: string;
  /**
   * Answer with `Server-Timing: traceparent;desc="00-<trace>-<span>-01"`, so the recorder
   * links a document or resource response to its trace. Appended to the app's own
   * `Server-Timing`, never replacing it.
   * @default true
   */
  serverTiming?: boolean;
}

export interface ResolvedSessionMiddlewareOptions extends SessionIdSources {
  serverTiming: boolean;
}

/** Merges defaults and checks each option; throws `SightlineNodeError('invalid_option')` naming a bad one. */
export function resolveSessionMiddlewareOptions(options: unknown = {}): ResolvedSessionMiddlewareOptions {
  if (typeof options !== 'object' || options === null) throw invalidOption('options', 'an object', options);
  const given = options as SessionMiddlewareOptions;
  return {
    header: checkToken('header', given.header, SESSION_ID_HEADER).toLowerCase(),
    cookie: checkToken('cookie', given.cookie, SESSION_ID_COOKIE),
    serverTiming: checkBoolean('serverTiming', given.serverTiming, true),
  };
}
