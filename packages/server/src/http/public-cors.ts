import type { FastifyInstance } from 'fastify';

export interface PublicCorsOptions {
  /** The routes' paths, to answer their preflights. */
  paths: readonly string[];
  /** e.g. `POST` */
  methods: string;
}

/** The recorder backs off by `Retry-After`, which a page cannot read unless it is exposed. */
const EXPOSED_HEADERS = 'retry-after';

/**
 * CORS for the public endpoints a web page calls (`/v1/replay`, `/v1/config`,
 * `/sightline.js`): any origin, never with credentials — the ingest key in the URL is
 * the only credential and it is public. Only request headers the recorder may send are
 * allowed, and only `Retry-After` is exposed. Add it before the auth hooks, so refusals
 * carry the headers too and the page can read them.
 */
export function allowAnyOrigin(app: FastifyInstance, options: PublicCorsOptions): void {
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('access-control-allow-origin', '*').header('access-control-expose-headers', EXPOSED_HEADERS);
  });
  for (const path of options.paths) {
    app.options(path, async (_request, reply) =>
      reply
        .status(204)
        .header('access-control-allow-methods', `${options.methods}, OPTIONS`)
        .header('access-control-allow-headers', 'content-type, content-encoding, x-sightline-key')
        .header('access-control-max-age', '86400')
        .send(),
    );
  }
}
