import type { FastifyReply, FastifyRequest } from 'fastify';

export const UI_SESSION_COOKIE = 'sightline_ui';
export const UI_SESSION_MAX_AGE_S = 30 * 24 * 3600;

/**
 * The UI's sign-in cookie: HttpOnly (page scripts, including anything a replay could
 * smuggle in, cannot read it), SameSite=Strict (never sent on cross-site requests),
 * Secure when the request came over HTTPS.
 */
export function setUiSessionCookie(request: FastifyRequest, reply: FastifyReply, secret: string): void {
  reply.setCookie(UI_SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/',
    maxAge: UI_SESSION_MAX_AGE_S,
  });
}

export function clearUiSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(UI_SESSION_COOKIE, { path: '/' });
}

export function readUiSessionCookie(request: FastifyRequest): string | undefined {
  const value = request.cookies?.[UI_SESSION_COOKIE];
  return value ? value : undefined;
}
