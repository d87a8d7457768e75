import type { FastifyRequest } from 'fastify';
import { SightlineError } from '../../errors.js';
import type { KeyResolver } from '../../orgs/key-resolver.js';
import type { UiSessionResolver } from '../../ui-sessions/ui-sessions.js';
import { readUiSessionCookie } from './ui-session-cookie.js';

/** Finds the org a query-API request reads; throws `unauthenticated`/`forbidden` otherwise. */
export type AdminAuthenticator = (request: FastifyRequest) => Promise<number>;

/** The header every cookie-authenticated write must carry: a cross-site form or image cannot set it. */
export const CSRF_HEADER = 'x-sightline-csrf';

/**
 * Query-API credentials: `Authorization: Bearer <admin token>` (scripts, curl), or the
 * UI's HttpOnly session cookie. Ingest keys are public, so they never read anything.
 * Cookie-authenticated requests also need the CSRF header: SameSite=Strict already keeps
 * the cookie off cross-site requests, the header is the second lock.
 */
export function createAdminAuthenticator(deps: {
  resolveKey: KeyResolver;
  resolveUiSession: UiSessionResolver;
}): AdminAuthenticator {
  return async (request) => {
    const header = request.headers.authorization;
    if (header) return authenticateBearer(header, deps.resolveKey);
    const cookie = readUiSessionCookie(request);
    if (cookie) {
      const orgId = await deps.resolveUiSession(cookie);
      if (orgId === undefined) throw new SightlineError('unauthenticated', 'your sign-in expired: sign in again');
      // on every method, reads included: a recorded page replayed in the UI could point an
      // <img> or stylesheet at the API, and such requests can never carry a custom header
      if (!request.headers[CSRF_HEADER]) {
        throw new SightlineError('forbidden', `missing ${CSRF_HEADER} header on a cookie-authenticated request`);
      }
      return orgId;
    }
    throw new SightlineError(
      'unauthenticated',
      'missing credentials: send Authorization: Bearer <admin token>, or sign in to the UI',
    );
  };
}

async function authenticateBearer(header: string, resolveKey: KeyResolver): Promise<number> {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (!token) throw new SightlineError('unauthenticated', 'malformed Authorization header: use Bearer <admin token>');
  const resolved = await resolveKey(token);
  if (!resolved) throw new SightlineError('unauthenticated', 'unknown token');
  if (resolved.kind !== 'admin') {
    throw new SightlineError('forbidden', 'an ingest key can only send data; read with the admin token');
  }
  return resolved.orgId;
}

/** Resolves an admin token to its org, or undefined (for sign-in, which must not throw on a bad token). */
export async function resolveAdminToken(token: string, resolveKey: KeyResolver): Promise<number | undefined> {
  const resolved = await resolveKey(token);
  return resolved?.kind === 'admin' ? resolved.orgId : undefined;
}
