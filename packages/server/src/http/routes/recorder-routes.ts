import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SightlineError } from '../../errors.js';
import { resolveRecorderConfig } from '../../policies/recorder-config.js';
import type { RecorderBundle, RecorderBundleFileName } from '../../recorder-bundle/recorder-bundle.js';
import { authenticateIngest, type IngestAuthOptions } from '../auth/authenticate-ingest.js';
import { allowAnyOrigin } from '../public-cors.js';

export interface RecorderRoutesOptions {
  auth: IngestAuthOptions;
  bundle: RecorderBundle;
}

/**
 * What a page with the recorder fetches, from any origin: its settings
 * (`GET /v1/config?key=`) and the one-script-tag build (`GET /sightline.js` and its map).
 */
export async function registerRecorderRoutes(app: FastifyInstance, options: RecorderRoutesOptions): Promise<void> {
  allowAnyOrigin(app, { paths: ['/v1/config', '/sightline.js', '/sightline.js.map'], methods: 'GET' });

  app.get('/v1/config', async (request, reply) => {
    const orgId = await authenticateIngest(request, options.auth);
    // short: a rate change reaches every page within a minute, without a redeploy
    reply.header('cache-control', 'max-age=60');
    return resolveRecorderConfig(orgId);
  });

  const serve = (name: RecorderBundleFileName) => async (request: FastifyRequest, reply: FastifyReply) => {
    const file = await options.bundle.read(name);
    if (!file) {
      request.log.warn({ distDir: options.bundle.distDir, file: name }, 'recorder bundle not found');
      throw new SightlineError(
        'not_found',
        `${name} is not built on this server: run \`npm run build -w @sightline/recorder\`, then reload`,
      );
    }
    reply
      .header('cache-control', 'public, max-age=300')
      .header('etag', file.etag)
      .header('x-content-type-options', 'nosniff');
    if (matchesEtag(request.headers['if-none-match'], file.etag)) return reply.status(304).send();
    return reply.type(file.contentType).send(file.body);
  };
  app.get('/sightline.js', serve('sightline.js'));
  app.get('/sightline.js.map', serve('sightline.js.map'));
}

function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed === etag || trimmed === `W/${etag}`;
  });
}
