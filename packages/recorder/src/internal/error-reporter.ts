import { type SightlineError, type SightlineErrorCode, toSightlineError } from '../errors.js';

export type InternalErrorHandler = (error: SightlineError) => void;

/**
 * The one place a recorder's own failures go. The handler is replaceable (the
 * `onInternalError` option) and itself guarded: nothing escapes into the page.
 */
export interface ErrorReporter {
  report(error: unknown, code?: SightlineErrorCode): void;
  /** Wraps a callback the page or a browser API will call, so it can never throw out. */
  guard<Args extends unknown[], Result>(
    callback: (...args: Args) => Result,
    code?: SightlineErrorCode,
  ): (...args: Args) => Result | undefined;
}

export function createErrorReporter(handler: InternalErrorHandler): ErrorReporter {
  const report = (error: unknown, code: SightlineErrorCode = 'internal'): void => {
    try {
      handler(toSightlineError(error, code));
    } catch {
      // the app's own handler failed: there is nowhere left to report it
    }
  };
  return {
    report,
    guard(callback, code) {
      return (...args) => {
        try {
          return callback(...args);
        } catch (error) {
          report(error, code);
          return undefined;
        }
      };
    },
  };
}
