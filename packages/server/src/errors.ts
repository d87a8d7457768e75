/**
 * Every failure the server reports to a client is a SightlineError with a literal code.
 * `http/error-handler.ts` maps codes to HTTP status in one place, so a route never
 * picks a status code itself.
 */
export type SightlineErrorCode =
  | 'bad_request'
  | 'unsupported_media_type'
  | 'unsupported_encoding'
  | 'payload_too_large'
  | 'malformed_payload'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'invalid_query'
  | 'query_timeout'
  | 'overloaded'
  | 'unavailable'
  | 'config_invalid'
  | 'internal';

export class SightlineError extends Error {
  readonly code: SightlineErrorCode;
  /** For `overloaded`/`unavailable`: how long the client should wait before retrying. */
  readonly retryAfterMs: number | undefined;

  constructor(code: SightlineErrorCode, message: string, options: { cause?: unknown; retryAfterMs?: number } = {}) {
    super(message, { cause: options.cause });
    this.name = 'SightlineError';
    this.code = code;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export function isSightlineError(error: unknown): error is SightlineError {
  return error instanceof SightlineError;
}
