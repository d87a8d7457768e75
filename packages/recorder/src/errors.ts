/**
 * Every failure of the recorder is a SightlineError with a literal code. Only
 * `invalid_option` is ever thrown (from `init`, for misconfiguration); every other code
 * goes to the `onInternalError` handler and never reaches the page.
 */
export type SightlineErrorCode =
  | 'invalid_option'
  | 'storage_failed'
  | 'upload_failed'
  | 'upload_rejected'
  | 'remote_config_failed'
  | 'record_failed'
  | 'capture_failed'
  | 'internal';

export class SightlineError extends Error {
  readonly code: SightlineErrorCode;

  constructor(code: SightlineErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'SightlineError';
    this.code = code;
  }
}

export function isSightlineError(error: unknown): error is SightlineError {
  return error instanceof SightlineError;
}

/** Wraps anything thrown into a SightlineError, keeping the original as `cause`. */
export function toSightlineError(error: unknown, code: SightlineErrorCode = 'internal'): SightlineError {
  if (isSightlineError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SightlineError(code, message, { cause: error });
}
