import { type Context, context as contextApi, type Span, trace } from '@opentelemetry/api';
import { getRPCMetadata } from '@opentelemetry/core';
import { type HeaderReader, readSessionId, type SessionIdSources } from '../session/read-session-id.js';
import { contextWithoutInvalidSessionBaggage, contextWithSessionId } from '../session/session-context.js';
import { SESSION_ID_ATTRIBUTE } from '../session/session-id.js';
import { formatServerTimingEntry } from './server-timing.js';

/** What a framework adapter needs to carry the session through one request. */
export interface RequestSession {
  /** The request's valid session ID, or `undefined` (no ID, or only invalid ones). */
  sessionId: string | undefined;
  /** The context to run the rest of the request in: the session in a key and in baggage. */
  context: Context;
  /** The `Server-Timing` entry to answer with, or `undefined` (turned off, or no span). */
  serverTiming: string | undefined;
}

/**
 * The framework-independent half of every adapter: reads and validates the session ID,
 * stamps `session.id` on the spans already open for this request (the HTTP server span,
 * the active span, and any `extraSpans` a framework instrumentation started), and
 * returns the context and the Server-Timing entry for the rest of the request.
 */
export function enterRequestSession(
  readHeader: HeaderReader,
  options: SessionIdSources & { serverTiming: boolean },
  parent: Context = contextApi.active(),
  extraSpans: readonly (Span | undefined)[] = [],
): RequestSession {
  const activeSpan = trace.getSpan(parent);
  // the HTTP server span, which the http instrumentation keeps in the context for frameworks
  const serverSpan = getRPCMetadata(parent)?.span;
  const sessionId = readSessionId(readHeader, options);

  if (sessionId !== undefined) {
    for (const span of new Set([serverSpan, activeSpan, ...extraSpans])) {
      if (span?.isRecording()) span.setAttribute(SESSION_ID_ATTRIBUTE, sessionId);
    }
  }
  return {
    sessionId,
    context:
      sessionId === undefined ? contextWithoutInvalidSessionBaggage(parent) : contextWithSessionId(parent, sessionId),
    serverTiming: options.serverTiming ? formatServerTimingEntry((serverSpan ?? activeSpan)?.spanContext()) : undefined,
  };
}
