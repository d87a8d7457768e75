import { isValidSessionId } from '../../sessions/session-id.js';

/**
 * Where a span or log says which browser session caused it, in order of trust:
 * its own `session.id`, its resource's, then the raw header an HTTP instrumentation
 * captured (a string, or a string array as the semantic conventions record headers).
 * An invalid value is skipped, never stored as a session.
 */
export function findSessionId(attributes: Record<string, unknown>, resource: Record<string, unknown>): string | null {
  // unrolled, not a loop over a fresh array: this runs for every span and log record
  const own = attributes['session.id'];
  if (isValidSessionId(own)) return own;
  const fromResource = resource['session.id'];
  if (isValidSessionId(fromResource)) return fromResource;
  const fromHeader = firstOf(attributes['http.request.header.x-session-id']);
  return isValidSessionId(fromHeader) ? fromHeader : null;
}

/** The end user, as the semantic conventions (`enduser.id`) or common practice (`user.id`) name it. */
export function findUserId(attributes: Record<string, unknown>, resource: Record<string, unknown>): string | null {
  return (
    readUserId(attributes['enduser.id']) ??
    readUserId(attributes['user.id']) ??
    readUserId(resource['enduser.id']) ??
    readUserId(resource['user.id'])
  );
}

function readUserId(candidate: unknown): string | null {
  if (typeof candidate === 'string' && candidate !== '') return candidate.slice(0, 256);
  if (typeof candidate === 'number') return String(candidate);
  return null;
}

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}
