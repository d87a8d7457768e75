import { context, isSpanContextValid, trace } from '@opentelemetry/api';
import { reportInternalError } from '../internal/report-internal-error.js';
import { getSessionId } from '../session/session-context.js';
import { SESSION_ID_ATTRIBUTE } from '../session/session-id.js';

/** What `sightlinePinoMixin` adds to a log line; keys are left out when unknown. */
export interface SightlinePinoFields {
  'session.id'?: string;
  trace_id?: string;
  span_id?: string;
}

/**
 * A pino `mixin`: every log line written inside a request gets `session.id`, `trace_id`
 * and `span_id` (the names pino's OTel instrumentation uses), so logs shipped by any
 * transport can be joined to the session and its traces.
 *
 * @example
 * const logger = pino({ mixin: sightlinePinoMixin });
 */
export function sightlinePinoMixin(): SightlinePinoFields {
  const fields: SightlinePinoFields = {};
  try {
    const active = context.active();
    const sessionId = getSessionId(active);
    if (sessionId !== undefined) fields[SESSION_ID_ATTRIBUTE] = sessionId;
    const spanContext = trace.getSpan(active)?.spanContext();
    if (spanContext !== undefined && isSpanContextValid(spanContext)) {
      fields.trace_id = spanContext.traceId;
      fields.span_id = spanContext.spanId;
    }
  } catch (error) {
    reportInternalError(error, 'sightlinePinoMixin');
  }
  return fields;
}
