import fastifyCookie from '@fastify/cookie';
import underPressure from '@fastify/under-pressure';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import type { ResolvedServerConfig } from '../config/server-config.js';
import { createOtlpCodec } from '../ingest/otlp/otlp-codec.js';
import type { KeyResolver } from '../orgs/key-resolver.js';
import { createRecorderBundle } from '../recorder-bundle/recorder-bundle.js';
import { resolveRecorderDistDir } from '../recorder-bundle/resolve-recorder-dist-dir.js';
import type { Store } from '../storage/store.js';
import { resolveUiDistDir } from '../ui-bundle/resolve-ui-dist-dir.js';
import { createUiSessions } from '../ui-sessions/ui-sessions.js';
import { installApiErrorHandler } from './api-error-handler.js';
import { createAdminAuthenticator } from './auth/authenticate-admin.js';
import './request-context.js';
import { registerAuthRoutes } from './routes/auth-routes.js';
import { registerOtlpRoutes } from './routes/otlp-routes.js';
import { registerQueryRoutes } from './routes/query-routes.js';
import { registerRecorderRoutes } from './routes/recorder-routes.js';
import { registerReplayQueryRoutes } from './routes/replay-query-routes.js';
import { registerReplayRoutes } from './routes/replay-routes.js';
import { registerUiRoutes } from './routes/ui-routes.js';

export interface AppDependencies {
  config: ResolvedServerConfig;
  store: Store;
  resolveKey: KeyResolver;
  defaultOrgId: number;
  /**
   * Where `/sightline.js` and its map are read from.
   * @default the `dist/` folder of the installed `@sightline/recorder`
   */
  recorderDistDir?: string | undefined;
  /**
   * Where the web UI's built files are read from.
   * @default the `dist/` folder of the installed `@sightline/ui`
   */
  uiDistDir?: string | undefined;
}

/** Assembles the HTTP server: health, OTLP and replay ingest under /v1, the recorder script, the query API under /api. */
export async function createApp({
  config,
  store,
  resolveKey,
  defaultOrgId,
  recorderDistDir,
  uiDistDir,
}: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    // one log line per ingest request would cost more than the ingest; errors are logged
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
  });
  app.decorateRequest('orgId', 0);
  installApiErrorHandler(app);

  await app.register(underPressure, {
    maxEventLoopDelay: config.maxEventLoopDelayMs,
    retryAfter: 1,
    exposeStatusRoute: false,
    customError: class extends Error {
      statusCode = 503;
      constructor() {
        super('the server is overloaded: retry later');
      }
    },
  });

  await app.register(fastifyCookie);
  const uiSessions = createUiSessions(store);
  const authenticate = createAdminAuthenticator({ resolveKey, resolveUiSession: uiSessions.resolve });

  app.get('/healthz', async () => ({ status: 'ok', storage: store.engine }));

  const ingestAuth = { resolveKey, keylessOrgId: config.loopbackOnly ? defaultOrgId : undefined };
  await app.register(registerOtlpRoutes, {
    store,
    codec: createOtlpCodec(),
    auth: ingestAuth,
    maxBodyBytes: config.maxBodyBytes,
    maxConcurrentIngests: config.maxConcurrentIngests,
  });
  await app.register(registerQueryRoutes, {
    prefix: '/api',
    store,
    authenticate,
    queryTimeoutMs: config.queryTimeoutMs,
    queryMaxRows: config.queryMaxRows,
  });
  await app.register(registerReplayRoutes, {
    store,
    auth: ingestAuth,
    maxBatchBytes: config.maxReplayBatchBytes,
    maxBodyBytes: config.maxBodyBytes,
    maxConcurrentIngests: config.maxConcurrentIngests,
  });
  await app.register(registerReplayQueryRoutes, { prefix: '/api', store, authenticate });
  await app.register(registerAuthRoutes, { prefix: '/api', resolveKey, uiSessions });
  await app.register(registerUiRoutes, {
    distDir: uiDistDir ?? resolveUiDistDir(),
    uiSessions,
    autoSignInOrgId: config.loopbackOnly ? defaultOrgId : undefined,
  });
  await app.register(registerRecorderRoutes, {
    auth: ingestAuth,
    bundle: createRecorderBundle(recorderDistDir ?? resolveRecorderDistDir()),
  });
  return app;
}
