/**
 * The one error class of `@sightline/node`. Only `invalid_option` is ever thrown, and only
 * from setup calls (`registerSightline`, `sessionMiddleware`, `sessionPlugin`): a request
 * never sees an error of this SDK. Every other failure goes to OTel's global error handler.
 */
export type SightlineNodeErrorCode = 'invalid_option' | 'internal';

export class SightlineNodeError extends Error {
  readonly code: SightlineNodeErrorCode;

  constructor(code: SightlineNodeErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'SightlineNodeError';
    this.code = code;
  }
}

export function isSightlineNodeError(error: unknown): error is SightlineNodeError {
  return error instanceof SightlineNodeError;
}
