export const SESSION_COOKIE_NAME = 'sightline_sid';

/** Where the cookie is written; a real `document` in the page, a fake in tests. */
export interface CookieJar {
  cookie: string;
}

/**
 * Writes `sightline_sid` as a session cookie (no expiry) so full-page navigations and
 * form posts carry the session ID to same-site backends. `Lax` keeps it off cross-site
 * subrequests; `Secure` is added on https pages only, or plain-HTTP sites would lose it.
 */
export function writeSessionCookie(jar: CookieJar, sessionId: string, secure: boolean): void {
  const attributes = ['Path=/', 'SameSite=Lax'];
  if (secure) attributes.push('Secure');
  jar.cookie = `${SESSION_COOKIE_NAME}=${encodeURIComponent(sessionId)}; ${attributes.join('; ')}`;
}
