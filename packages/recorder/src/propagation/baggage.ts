/**
 * W3C Baggage (https://www.w3.org/TR/baggage/): `key=value;prop, key2=value2`. The
 * recorder adds `session.id=<id>` to whatever baggage the app already sends, replacing
 * an earlier `session.id` member and keeping every other member as it was.
 */

export const SESSION_BAGGAGE_KEY = 'session.id';

// the spec's limits; a header beyond them may be dropped whole by the receiver
const MAX_MEMBERS = 64;
const MAX_BYTES = 8192;

/**
 * Returns the baggage header to send: `existing` with `session.id=<sessionId>`. When
 * adding it would break the spec's limits, `existing` is returned unchanged: the session
 * still travels in `X-Session-ID`, and the app's own baggage must not be lost.
 */
export function mergeSessionBaggage(existing: string | null | undefined, sessionId: string): string {
  const members = splitBaggageMembers(existing ?? '').filter(
    (member) => baggageMemberKey(member) !== SESSION_BAGGAGE_KEY,
  );
  const merged = [...members, `${SESSION_BAGGAGE_KEY}=${encodeBaggageValue(sessionId)}`].join(',');
  if (members.length + 1 > MAX_MEMBERS || utf8Length(merged) > MAX_BYTES) return existing ?? '';
  return merged;
}

/** The list members of a baggage header, optional whitespace trimmed, empty members dropped. */
export function splitBaggageMembers(header: string): string[] {
  return header
    .split(',')
    .map((member) => member.trim())
    .filter((member) => member.length > 0);
}

/** A member's key (before `=`), or `undefined` for a member that has none. */
export function baggageMemberKey(member: string): string | undefined {
  const equals = member.indexOf('=');
  if (equals <= 0) return undefined;
  return member.slice(0, equals).trim();
}

/**
 * Percent-encodes what a baggage value may not hold raw: controls, space, `"`, `,`, `;`,
 * `\`, non-ASCII, and `%` itself. Everything else stays readable (`:` in session ids).
 */
export function encodeBaggageValue(value: string): string {
  let encoded = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    const isBaggageOctet =
      code === 0x21 ||
      (code >= 0x23 && code <= 0x2b && code !== 0x25) ||
      (code >= 0x2d && code <= 0x3a) ||
      (code >= 0x3c && code <= 0x5b) ||
      (code >= 0x5d && code <= 0x7e);
    encoded += isBaggageOctet ? char : percentEncode(char);
  }
  return encoded;
}

function percentEncode(char: string): string {
  try {
    return encodeURIComponent(char);
  } catch {
    // a lone surrogate has no UTF-8 form: send U+FFFD, as TextEncoder would
    return '%EF%BF%BD';
  }
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}
