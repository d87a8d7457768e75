import { gzipSync } from 'node:zlib';
import type { GeneratedSession } from './generate-session.js';

export interface UploadResult {
  /** JSON bytes of all batches, and as sent (gzip, as the recorder sends them). */
  rawBytes: number;
  gzipBytes: number;
  ms: number;
}

/**
 * Posts the session to `POST /v1/replay` batch by batch, gzipped as the recorder sends
 * them, a few in flight at once (the server takes batches in any order).
 */
export async function uploadSession(
  sightlineUrl: string,
  ingestKey: string,
  sessionId: string,
  session: GeneratedSession,
  concurrency = 4,
): Promise<UploadResult> {
  const started = performance.now();
  let rawBytes = 0;
  let gzipBytes = 0;
  let next = 0;
  const worker = async () => {
    for (let seq = next++; seq < session.batches.length; seq = next++) {
      const events = session.batches[seq] ?? [];
      const json = JSON.stringify({ v: 1, sessionId, seq, sentAtMs: events.at(-1)?.timestamp, events });
      const body = gzipSync(json);
      rawBytes += json.length;
      gzipBytes += body.length;
      const response = await fetch(`${sightlineUrl}/v1/replay?key=${encodeURIComponent(ingestKey)}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        body,
      });
      if (!response.ok)
        throw new Error(`batch ${seq}: POST /v1/replay answered ${response.status}: ${await response.text()}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { rawBytes, gzipBytes, ms: Math.round(performance.now() - started) };
}
