import type { FastifyInstance } from 'fastify';
import { httpStatusOf, toSightlineError } from './error-status.js';

/** Query API errors: `{ "error": { "code", "message" } }` with the status of the code. */
export function installApiErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const sightlineError = toSightlineError(error);
    const status = httpStatusOf(sightlineError);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: sightlineError.code, reason: sightlineError.message }, 'request refused');
    if (sightlineError.retryAfterMs !== undefined) {
      reply.header('retry-after', String(Math.ceil(sightlineError.retryAfterMs / 1000)));
    }
    return reply.status(status).send({ error: { code: sightlineError.code, message: sightlineError.message } });
  });
}
