import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace';
import { reportInternalError } from '../internal/report-internal-error.js';
import { getSessionId } from '../session/session-context.js';
import { SESSION_ID_ATTRIBUTE } from '../session/session-id.js';

/**
 * Stamps `session.id` on every span started in a session's context: the server span,
 * framework spans, child spans, database and outgoing HTTP spans alike. The session comes
 * from the parent context (set by `sessionMiddleware()` or `SessionBaggagePropagator`, or
 * baggage from an upstream service) or, failing that, from the parent span's own
 * `session.id`, so a span started where a framework lost the context still gets it.
 *
 * Add it to the tracer provider's `spanProcessors` (`registerSightline()` does).
 *
 * @example
 * new NodeSDK({ spanProcessors: [new SessionSpanProcessor(), new BatchSpanProcessor({ exporter })] });
 */
export class SessionSpanProcessor implements SpanProcessor {
  onStart(span: Span, parentContext: Context): void {
    try {
      if (span.attributes[SESSION_ID_ATTRIBUTE] !== undefined) return;
      const sessionId = getSessionId(parentContext);
      if (sessionId !== undefined) span.setAttribute(SESSION_ID_ATTRIBUTE, sessionId);
    } catch (error) {
      reportInternalError(error, 'SessionSpanProcessor.onStart');
    }
  }

  onEnd(_span: ReadableSpan): void {}

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
