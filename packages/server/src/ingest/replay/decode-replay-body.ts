import { SightlineError } from '../../errors.js';
import { decodeContentEncoding } from '../body/decode-content-encoding.js';

export interface DecodedReplayBody {
  /** The batch's JSON text. */
  json: Buffer;
  /** The body as received when it was gzip: what gets stored if nothing has to be scrubbed. */
  gzip: Buffer | undefined;
}

/**
 * Turns a `/v1/replay` body into JSON bytes. Gzip is recognised by its magic bytes
 * (`1f 8b`), not by a header: `navigator.sendBeacon` cannot set `Content-Encoding`.
 * A declared `Content-Encoding` (gzip, deflate) is honoured too. Decompression is capped
 * at `maxBytes`, so a gzip bomb stops there.
 */
export async function decodeReplayBody(
  body: Buffer,
  contentEncoding: string | undefined,
  maxBytes: number,
): Promise<DecodedReplayBody> {
  if (body.length === 0) throw new SightlineError('malformed_payload', 'empty body: send a replay batch');
  if (isGzip(body)) return { json: await decodeContentEncoding(body, 'gzip', maxBytes), gzip: body };
  const json = await decodeContentEncoding(body, contentEncoding, maxBytes);
  if (json.length > maxBytes) {
    throw new SightlineError('payload_too_large', `body is larger than ${maxBytes} bytes: send smaller batches`);
  }
  return { json, gzip: undefined };
}

export function isGzip(bytes: Buffer): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}
