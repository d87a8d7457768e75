import type { FastifyError, FastifyInstance } from 'fastify';
import { SightlineError } from '../../errors.js';
import { prepareReplayBatch } from '../../ingest/replay/prepare-replay-batch.js';
import type { ReplayBatchRecord, SessionReplayActivity, Store } from '../../storage/store.js';
import { authenticateIngest, type IngestAuthOptions } from '../auth/authenticate-ingest.js';
import { httpStatusOf, toSightlineError } from '../error-status.js';
import { allowAnyOrigin } from '../public-cors.js';

export interface ReplayRoutesOptions {
  store: Store;
  auth: IngestAuthOptions;
  /** Largest body as sent (compressed). */
  maxBatchBytes: number;
  /** Largest batch once decompressed. */
  maxBodyBytes: number;
  maxConcurrentIngests: number;
}

/** What the recorder may send: text/plain needs no CORS preflight and is what sendBeacon uses. */
const CONTENT_TYPES = ['text/plain', 'application/json', 'application/octet-stream'];

/**
 * `POST /v1/replay?key=`: the recorder's batches, cross-origin and from `sendBeacon`.
 * Answered `{ "stored": true }` once committed (`false`: that seq was already stored,
 * a retry), so the recorder may drop its copy.
 */
export async function registerReplayRoutes(app: FastifyInstance, options: ReplayRoutesOptions): Promise<void> {
  const { store } = options;
  let inFlight = 0;

  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    CONTENT_TYPES,
    { parseAs: 'buffer', bodyLimit: options.maxBatchBytes },
    (_request, body, done) => done(null, body),
  );

  allowAnyOrigin(app, { paths: ['/v1/replay'], methods: 'POST' });

  // Checked before the body is read: refuse early, before spending memory on it.
  app.addHook('onRequest', async (request) => {
    if (request.method === 'OPTIONS') return;
    if (inFlight >= options.maxConcurrentIngests) {
      throw new SightlineError('overloaded', 'too many ingest requests in flight: retry later', { retryAfterMs: 1000 });
    }
    inFlight += 1;
    request.raw.once('close', () => {
      inFlight -= 1;
    });
    request.orgId = await authenticateIngest(request, options.auth);
  });

  app.setErrorHandler((error, request, reply) => {
    const sightlineError = toReplayError(error);
    const status = httpStatusOf(sightlineError);
    if (status >= 500) request.log.error({ err: error }, 'replay ingest failed');
    else request.log.info({ code: sightlineError.code, reason: sightlineError.message }, 'replay batch refused');
    if (sightlineError.retryAfterMs !== undefined) {
      reply.header('retry-after', String(Math.ceil(sightlineError.retryAfterMs / 1000)));
    }
    return reply.status(status).send({ error: { code: sightlineError.code, message: sightlineError.message } });
  });

  app.post('/v1/replay', async (request) => {
    if (!Buffer.isBuffer(request.body)) throw unsupportedMediaType();
    const prepared = await prepareReplayBatch({
      body: request.body,
      contentEncoding: request.headers['content-encoding'],
      userAgent: request.headers['user-agent'],
      receivedMs: Date.now(),
      maxBodyBytes: options.maxBodyBytes,
    });
    if (prepared.scrubbedEvents > 0) {
      request.log.info(
        { sessionId: prepared.record.sessionId, seq: prepared.record.seq, events: prepared.scrubbedEvents },
        'masked card numbers or emails in input events: check the page masks its inputs',
      );
    }
    // ack only after commit: the recorder deletes its copy on 2xx
    return insertOrRetryLater(store, request.orgId, prepared.record, prepared.activity);
  });
}

/** A storage failure is the server's trouble, not the batch's: 503 tells the recorder to retry. */
async function insertOrRetryLater(
  store: Store,
  orgId: number,
  batch: ReplayBatchRecord,
  activity: SessionReplayActivity,
): Promise<{ stored: boolean }> {
  try {
    return await store.insertReplayBatch(orgId, batch, activity);
  } catch (error) {
    throw new SightlineError('unavailable', 'storage did not accept the batch: retry later', {
      cause: error,
      retryAfterMs: 1000,
    });
  }
}

function toReplayError(error: unknown): SightlineError {
  const code = (error as Partial<FastifyError>).code;
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return unsupportedMediaType();
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new SightlineError(
      'payload_too_large',
      `replay batch is too large as sent: ${(error as Error).message} (SIGHTLINE_MAX_REPLAY_BATCH_BYTES)`,
    );
  }
  return toSightlineError(error);
}

function unsupportedMediaType(): SightlineError {
  return new SightlineError(
    'unsupported_media_type',
    `send the batch with Content-Type ${CONTENT_TYPES.join(', ')} and a body`,
  );
}
