import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UiSessions } from '../../ui-sessions/ui-sessions.js';
import { readUiSessionCookie, setUiSessionCookie, UI_SESSION_MAX_AGE_S } from '../auth/ui-session-cookie.js';

export interface UiRoutesOptions {
  /** The built app; when missing, pages say how to build it. */
  distDir: string | undefined;
  uiSessions: UiSessions;
  /** Set while the server listens on loopback only: a local tool needs no password. */
  autoSignInOrgId: number | undefined;
}

/** The client-side routes of the app: each answers index.html and the app routes itself. */
const APP_PATHS = ['/', '/sessions', '/sessions/:sessionId', '/traces/:traceId', '/sign-in'];

/**
 * The UI's pages. The replay iframe renders recorded pages: the policy below keeps their
 * scripts from ever running (no inline or foreign script), keeps them from posting forms
 * or being framed elsewhere, and sends no referrer to the recorded sites' servers.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline' https: http:",
  'img-src * data: blob:',
  'font-src * data:',
  'media-src * data: blob:',
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export async function registerUiRoutes(app: FastifyInstance, options: UiRoutesOptions): Promise<void> {
  const { distDir } = options;
  const built = distDir !== undefined && existsSync(join(distDir, 'index.html'));

  if (built) {
    await app.register(fastifyStatic, {
      root: join(distDir, 'assets'),
      prefix: '/assets/',
      // file names carry a content hash: a new build gets new names
      immutable: true,
      maxAge: '365d',
    });
  }

  const sendApp = async (request: FastifyRequest, reply: FastifyReply) => {
    setPageHeaders(reply);
    if (!built) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The Sightline UI is not built: run `npm run build` in the repository (npm ci does it too).\n');
    }
    if (options.autoSignInOrgId !== undefined && !(await isSignedIn(request, options.uiSessions))) {
      setUiSessionCookie(
        request,
        reply,
        await options.uiSessions.create(options.autoSignInOrgId, UI_SESSION_MAX_AGE_S),
      );
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', distDir);
  };
  for (const path of APP_PATHS) app.get(path, sendApp);
}

async function isSignedIn(request: FastifyRequest, uiSessions: UiSessions): Promise<boolean> {
  const secret = readUiSessionCookie(request);
  return secret !== undefined && (await uiSessions.resolve(secret)) !== undefined;
}

function setPageHeaders(reply: FastifyReply): void {
  reply
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('cross-origin-opener-policy', 'same-origin')
    .header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
}
