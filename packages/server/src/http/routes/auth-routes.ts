import type { FastifyInstance } from 'fastify';
import { SightlineError } from '../../errors.js';
import type { KeyResolver } from '../../orgs/key-resolver.js';
import type { UiSessions } from '../../ui-sessions/ui-sessions.js';
import { CSRF_HEADER, resolveAdminToken } from '../auth/authenticate-admin.js';
import {
  clearUiSessionCookie,
  readUiSessionCookie,
  setUiSessionCookie,
  UI_SESSION_MAX_AGE_S,
} from '../auth/ui-session-cookie.js';

export interface AuthRoutesOptions {
  resolveKey: KeyResolver;
  uiSessions: UiSessions;
}

/**
 * UI sign-in with an admin token (`POST /api/auth/sign-in`) and sign-out. Both are
 * POST-only and need the CSRF header, so neither a cross-site form nor a recorded
 * `<img src>` in a replay can sign a viewer in or out.
 */
export async function registerAuthRoutes(app: FastifyInstance, options: AuthRoutesOptions): Promise<void> {
  app.addHook('onRequest', async (request) => {
    if (!request.headers[CSRF_HEADER]) {
      throw new SightlineError('forbidden', `missing ${CSRF_HEADER} header`);
    }
  });

  app.post('/auth/sign-in', async (request, reply) => {
    const token = (request.body as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || token.trim() === '') {
      throw new SightlineError('bad_request', 'send a JSON body { "token": "<admin token>" }');
    }
    const orgId = await resolveAdminToken(token.trim(), options.resolveKey);
    if (orgId === undefined) throw new SightlineError('unauthenticated', 'that is not an admin token of any org');
    setUiSessionCookie(request, reply, await options.uiSessions.create(orgId, UI_SESSION_MAX_AGE_S));
    return { signedIn: true };
  });

  app.post('/auth/sign-out', async (request, reply) => {
    const secret = readUiSessionCookie(request);
    if (secret) await options.uiSessions.revoke(secret);
    clearUiSessionCookie(reply);
    return { signedIn: false };
  });
}
