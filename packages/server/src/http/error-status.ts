import type { FastifyError } from 'fastify';
import { isSightlineError, SightlineError, type SightlineErrorCode } from '../errors.js';

/** The one place where error codes become HTTP status codes. */
const HTTP_STATUS: Record<SightlineErrorCode, number> = {
  bad_request: 400,
  malformed_payload: 400,
  invalid_query: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  query_timeout: 408,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unsupported_encoding: 415,
  overloaded: 429,
  config_invalid: 500,
  internal: 500,
  unavailable: 503,
};

export function httpStatusOf(error: SightlineError): number {
  return HTTP_STATUS[error.code];
}

/** Fastify's own errors (body limit, media type, JSON body) in our vocabulary, with a reason. */
export function toSightlineError(error: unknown): SightlineError {
  if (isSightlineError(error)) return error;
  const fastifyError = error as Partial<FastifyError>;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new SightlineError('payload_too_large', `request body is too large: ${fastifyError.message}`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new SightlineError(
        'unsupported_media_type',
        `${fastifyError.message}: send application/json or application/x-protobuf`,
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new SightlineError('bad_request', `request body is not valid JSON: ${fastifyError.message}`);
    case 'FST_ERR_VALIDATION':
      return new SightlineError('bad_request', fastifyError.message ?? 'invalid request');
    default:
      if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
        return new SightlineError('bad_request', fastifyError.message ?? 'bad request');
      }
      return new SightlineError('internal', 'internal error', { cause: error });
  }
}
