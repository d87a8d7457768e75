import { globalErrorHandler } from '@opentelemetry/core';
import { SightlineNodeError } from '../errors.js';

/**
 * Where the SDK's own failures go instead of into the app: OTel's global error handler,
 * which logs through `diag` by default and is replaced with `setGlobalErrorHandler()`.
 */
export function reportInternalError(error: unknown, what: string): void {
  try {
    const message = error instanceof Error ? error.message : String(error);
    globalErrorHandler(
      new SightlineNodeError('internal', `@sightline/node: ${what} failed: ${message}`, { cause: error }),
    );
  } catch {
    // the handler itself threw: nothing safe is left to report to
  }
}
