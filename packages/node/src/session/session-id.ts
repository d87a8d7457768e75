/** The span and log attribute, and the W3C baggage key, that carry the session ID. */
export const SESSION_ID_ATTRIBUTE = 'session.id';

/** The request header the browser recorder sends on API calls. */
export const SESSION_ID_HEADER = 'x-session-id';

/** The first-party cookie the recorder writes, so navigations and form posts carry the session too. */
export const SESSION_ID_COOKIE = 'sightline_sid';

// the wire contract (DESIGN.md), the same pattern the server accepts
const SESSION_ID_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/** Whether `value` is a session ID Sightline accepts: 8–128 characters of `[A-Za-z0-9._:-]`. */
export function isValidSessionId(value: unknown): value is string {
  // the length first: a client may send kilobytes, no need to run the pattern over them
  return typeof value === 'string' && value.length >= 8 && value.length <= 128 && SESSION_ID_PATTERN.test(value);
}
