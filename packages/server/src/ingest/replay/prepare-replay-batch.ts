import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { SightlineError } from '../../errors.js';
import { extractInsightSignals } from '../../insights/signals.js';
import type { ReplayBatchRecord, SessionReplayActivity } from '../../storage/store.js';
import { decodeReplayBody } from './decode-replay-body.js';
import { parseUserAgent } from './parse-user-agent.js';
import { validateReplayBatch } from './replay-batch.js';
import { scrubInputEvents } from './scrub-input-events.js';
import { summarizeReplayBatch } from './summarize-batch.js';

const gzipAsync = promisify(gzip);

export interface ReplayRequest {
  body: Buffer;
  contentEncoding: string | undefined;
  userAgent: string | undefined;
  receivedMs: number;
  /** The decompressed batch may not be larger. */
  maxBodyBytes: number;
}

export interface PreparedReplayBatch {
  record: ReplayBatchRecord;
  activity: SessionReplayActivity;
  /** Input events whose value was masked here. */
  scrubbedEvents: number;
}

/**
 * Turns a `POST /v1/replay` body into what the store takes: decompress (capped), parse,
 * validate, scrub, summarize, and read the signals insight detection needs (the
 * detection itself runs in the store's transaction, where the session's carry is). The stored payload is the gzip the browser sent, byte for
 * byte, unless something was scrubbed (then the batch is re-serialized) or the body came
 * uncompressed (then it is gzipped once, here).
 */
export async function prepareReplayBatch(request: ReplayRequest): Promise<PreparedReplayBatch> {
  const decoded = await decodeReplayBody(request.body, request.contentEncoding, request.maxBodyBytes);
  const batch = validateReplayBatch(parseJson(decoded.json));
  const scrubbedEvents = scrubInputEvents(batch.events);
  const payload =
    scrubbedEvents > 0 ? await gzipAsync(JSON.stringify(batch)) : (decoded.gzip ?? (await gzipAsync(decoded.json)));

  const summary = summarizeReplayBatch(batch);
  const firstUs = toMicroseconds(summary.firstEventMs);
  const lastUs = toMicroseconds(summary.lastEventMs);
  return {
    record: {
      sessionId: batch.sessionId,
      seq: batch.seq,
      receivedUs: toMicroseconds(request.receivedMs),
      firstEventUs: firstUs,
      lastEventUs: lastUs,
      eventCount: summary.eventCount,
      payload,
    },
    activity: {
      sessionId: batch.sessionId,
      firstUs,
      lastUs,
      userId: summary.userId,
      userTraitsJson: summary.userTraits === null ? null : JSON.stringify(summary.userTraits),
      urls: summary.urls,
      pageCount: summary.pageCount,
      activeMs: summary.activeMs,
      clickCount: summary.clickCount,
      jsErrorCount: summary.jsErrorCount,
      consoleErrorCount: summary.consoleErrorCount,
      failedRequestCount: summary.failedRequestCount,
      eventCount: summary.eventCount,
      replayBytes: payload.length,
      previousSessionId: summary.previousSessionId,
      traceIds: summary.traceIds,
      ...parseUserAgent(request.userAgent),
      insightSignals: extractInsightSignals(batch.events),
      clockOffsetMs: readClockOffset(batch.sentAtMs, request.receivedMs),
    },
    scrubbedEvents,
  };
}

function parseJson(json: Buffer): unknown {
  try {
    return JSON.parse(json.toString('utf8'));
  } catch (error) {
    throw new SightlineError('malformed_payload', `batch is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function toMicroseconds(ms: number): number {
  return Math.round(ms * 1000);
}

/** Ten years: a `sentAtMs` further off than that is not a clock, it is garbage. */
const MAX_CLOCK_OFFSET_MS = 10 * 365 * 24 * 3600 * 1000;

/** Receive time − send time: the browser's clock skew plus this request's transit. */
function readClockOffset(sentAtMs: unknown, receivedMs: number): number | null {
  if (typeof sentAtMs !== 'number' || !Number.isFinite(sentAtMs)) return null;
  const offset = Math.round(receivedMs - sentAtMs);
  return Math.abs(offset) <= MAX_CLOCK_OFFSET_MS ? offset : null;
}
