import type { CaptureContext } from '../capture.js';
import { reportSafely } from './guard.js';

/**
 * The context with a `reportInternalError` that cannot throw, for code that reports from
 * inside the page's own calls. Delegates rather than spreads: the core's context may be
 * a class whose methods live on its prototype.
 */
export function withSafeReporting(context: CaptureContext): CaptureContext {
  return {
    emit: (kind, payload) => context.emit(kind, payload),
    getSessionId: () => context.getSessionId(),
    trigger: (reason) => context.trigger(reason),
    reportInternalError: (error) => reportSafely((reported) => context.reportInternalError(reported), error),
  };
}
