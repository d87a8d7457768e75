import type { FastifyInstance } from 'fastify';
import { SightlineError } from '../../errors.js';
import { MAX_REPLAY_SEQ } from '../../ingest/replay/replay-batch.js';
import { streamSessionEvents } from '../../query/stream-session-events.js';
import { isValidSessionId } from '../../sessions/session-id.js';
import type { Store } from '../../storage/store.js';
import type { AdminAuthenticator } from '../auth/authenticate-admin.js';

export interface ReplayQueryRoutesOptions {
  store: Store;
  authenticate: AdminAuthenticator;
}

/** Every batch a session can have: the default when `maxBatches` is not given. */
const ALL_BATCHES = MAX_REPLAY_SEQ + 1;

/** `GET /api/sessions/:id/events` (under `/api`, admin token): the replay, streamed in recorded order. */
export async function registerReplayQueryRoutes(
  app: FastifyInstance,
  options: ReplayQueryRoutesOptions,
): Promise<void> {
  app.addHook('onRequest', async (request) => {
    request.orgId = await options.authenticate(request);
  });

  app.get('/sessions/:sessionId/events', async (request, reply) => {
    const { sessionId } = request.params as { sessionId: string };
    if (!isValidSessionId(sessionId)) {
      throw new SightlineError(
        'bad_request',
        `invalid session id '${String(sessionId).slice(0, 140)}': expected [A-Za-z0-9._:-]{8,128}`,
      );
    }
    const query = request.query as Record<string, string | undefined>;
    const stream = await streamSessionEvents(options.store, request.orgId, sessionId, {
      fromSeq: readInteger('fromSeq', query.fromSeq, 0, 0, MAX_REPLAY_SEQ),
      maxBatches: readInteger('maxBatches', query.maxBatches, ALL_BATCHES, 1, ALL_BATCHES),
    });
    if (!stream) throw new SightlineError('not_found', `no replay for session '${sessionId}'`);
    return reply.type('application/json; charset=utf-8').send(stream);
  });
}

function readInteger(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SightlineError('bad_request', `${name} must be an integer from ${min} to ${max} (actual: '${raw}')`);
  }
  return value;
}
