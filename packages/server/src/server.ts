import type { FastifyInstance } from 'fastify';
import { type ResolvedServerConfig, resolveServerConfig, type ServerOptions } from './config/server-config.js';
import { createApp } from './http/create-app.js';
import { startInsightSettler } from './insights/insight-settler.js';
import { type DefaultOrg, ensureDefaultOrg } from './orgs/ensure-default-org.js';
import { createKeyResolver } from './orgs/key-resolver.js';
import { createStore } from './storage/create-store.js';
import type { Store } from './storage/store.js';

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:4318 */
  url: string;
  config: ResolvedServerConfig;
  store: Store;
  app: FastifyInstance;
  defaultOrg: DefaultOrg;
  /** Stops accepting, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the store, makes sure the default org exists, and listens.
 * @example const server = await startServer({ port: 0, db: 'test.db' });
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const config = resolveServerConfig(options);
  const store = await createStore(config.db);
  try {
    const defaultOrg = await ensureDefaultOrg(store, { ingestKey: config.ingestKey, adminToken: config.adminToken });
    const app = await createApp({
      config,
      store,
      resolveKey: createKeyResolver(store),
      defaultOrgId: defaultOrg.org.id,
    });
    await app.listen({ host: config.host, port: config.port });
    const settler = startInsightSettler({
      store,
      settleAfterMs: config.insightSettleMs,
      onError: (error) => app.log.error({ err: error }, 'settling open insights failed'),
    });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host.includes(':') && !config.host.startsWith('[') ? `[${config.host}]` : config.host;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${host}:${port}`,
      config: { ...config, port },
      store,
      app,
      defaultOrg,
      close() {
        closing ??= (async () => {
          await settler.stop();
          await app.close();
          await store.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
