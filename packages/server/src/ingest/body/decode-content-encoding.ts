import { promisify } from 'node:util';
import { gunzip, inflate } from 'node:zlib';
import { SightlineError } from '../../errors.js';

const gunzipAsync = promisify(gunzip);
const inflateAsync = promisify(inflate);

/**
 * Undoes `Content-Encoding` with a hard cap on the decompressed size: zlib stops at
 * `maxOutputLength`, so a gzip bomb costs at most `maxBytes` of memory, never more.
 * Decompression runs on libuv's thread pool, off the event loop.
 */
export async function decodeContentEncoding(
  body: Buffer,
  contentEncoding: string | undefined,
  maxBytes: number,
): Promise<Buffer> {
  const encoding = (contentEncoding ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || encoding === '') return body;
  const inflater =
    encoding === 'gzip' || encoding === 'x-gzip' ? gunzipAsync : encoding === 'deflate' ? inflateAsync : null;
  if (!inflater) {
    throw new SightlineError(
      'unsupported_encoding',
      `unsupported Content-Encoding '${encoding}': send gzip, deflate or an uncompressed body`,
    );
  }
  try {
    return await inflater(body, { maxOutputLength: maxBytes });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new SightlineError(
        'payload_too_large',
        `body is larger than ${maxBytes} bytes once decompressed: send smaller batches`,
        { cause: error },
      );
    }
    throw new SightlineError('malformed_payload', `body is not valid ${encoding} data: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
