import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SightlineError } from '../../errors.js';
import { decodeContentEncoding } from '../../ingest/body/decode-content-encoding.js';
import type { OtlpCodec, OtlpEncoding, OtlpSignal } from '../../ingest/otlp/otlp-codec.js';
import { readLogs } from '../../ingest/otlp/read-logs.js';
import { readTraces } from '../../ingest/otlp/read-traces.js';
import type { Store, TelemetryBatch } from '../../storage/store.js';
import { authenticateIngest, type IngestAuthOptions } from '../auth/authenticate-ingest.js';
import { httpStatusOf, toSightlineError } from '../error-status.js';

export interface OtlpRoutesOptions {
  store: Store;
  codec: OtlpCodec;
  auth: IngestAuthOptions;
  maxBodyBytes: number;
  maxConcurrentIngests: number;
}

const CONTENT_TYPES: Record<string, OtlpEncoding> = {
  'application/json': 'json',
  'application/x-protobuf': 'protobuf',
  'application/protobuf': 'protobuf',
};

/**
 * OTLP/HTTP receiver: `POST /v1/traces` and `POST /v1/logs`. Bodies are taken raw and
 * decoded here, because the size limit must apply after decompression and the response
 * must be in the request's encoding.
 */
export async function registerOtlpRoutes(app: FastifyInstance, options: OtlpRoutesOptions): Promise<void> {
  const { store, codec } = options;
  let inFlight = 0;

  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    Object.keys(CONTENT_TYPES),
    { parseAs: 'buffer', bodyLimit: options.maxBodyBytes },
    (_request, body, done) => done(null, body),
  );

  // Checked before the body is read: refuse early, before spending memory on it.
  app.addHook('onRequest', async (request) => {
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
    const sightlineError = toSightlineError(error);
    const status = httpStatusOf(sightlineError);
    if (status >= 500) request.log.error({ err: error }, 'OTLP ingest failed');
    else request.log.info({ code: sightlineError.code, reason: sightlineError.message }, 'OTLP request refused');
    if (sightlineError.retryAfterMs !== undefined) {
      reply.header('retry-after', String(Math.ceil(sightlineError.retryAfterMs / 1000)));
    }
    const encoding = encodingOf(request) ?? 'json';
    return reply
      .status(status)
      .type(encoding === 'json' ? 'application/json' : 'application/x-protobuf')
      .send(codec.encodeError(encoding, status, sightlineError.message));
  });

  const handle = (signal: OtlpSignal) => async (request: FastifyRequest, reply: FastifyReply) => {
    const encoding = encodingOf(request);
    if (!encoding || !Buffer.isBuffer(request.body)) {
      throw new SightlineError(
        'unsupported_media_type',
        'send Content-Type application/json or application/x-protobuf with a body',
      );
    }
    const body = await decodeContentEncoding(request.body, request.headers['content-encoding'], options.maxBodyBytes);
    const message = codec.decodeRequest(signal, encoding, body);
    const result = signal === 'traces' ? readTraces(message) : readLogs(message, Date.now() * 1000);
    if (result.batch.spans.length > 0 || result.batch.logs.length > 0) {
      // ack only after commit: an exporter drops its copy on 2xx
      await insertOrRetryLater(store, request.orgId, result.batch);
    }
    return reply
      .type(encoding === 'json' ? 'application/json' : 'application/x-protobuf')
      .send(
        codec.encodeResponse(signal, encoding, { rejected: result.rejected, errorMessage: result.rejectionMessage }),
      );
  };

  app.post('/v1/traces', handle('traces'));
  app.post('/v1/logs', handle('logs'));
}

/** A storage failure is the server's trouble, not the data's: 503 tells the exporter to retry. */
async function insertOrRetryLater(store: Store, orgId: number, batch: TelemetryBatch): Promise<void> {
  try {
    await store.insertTelemetry(orgId, batch);
  } catch (error) {
    throw new SightlineError('unavailable', 'storage did not accept the batch: retry later', {
      cause: error,
      retryAfterMs: 1000,
    });
  }
}

function encodingOf(request: FastifyRequest): OtlpEncoding | undefined {
  const contentType = request.headers['content-type'];
  if (!contentType) return undefined;
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return CONTENT_TYPES[mediaType];
}
