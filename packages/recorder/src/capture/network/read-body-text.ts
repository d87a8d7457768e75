import { isTextualContentType } from './body-description.js';

/** How long a recorded body is read before it is given up on (server-sent events never end). */
export const BODY_READ_TIMEOUT_MS = 5000;

/**
 * Reads the text of a cloned Request or Response, at most a little over `maxLength`
 * characters, then cancels our copy. Cancelling one branch of a cloned body leaves the
 * app's branch untouched, and stopping early keeps a large download from being buffered
 * twice. Binary content is described, not read.
 */
export async function readBodyText(
  clone: Request | Response,
  maxLength: number,
  timeoutMs = BODY_READ_TIMEOUT_MS,
): Promise<string | undefined> {
  const contentType = clone.headers.get('content-type');
  if (!isTextualContentType(contentType)) {
    await cancelQuietly(clone.body);
    return `[binary ${contentType}]`;
  }
  if (!clone.body) return undefined;
  const reader = clone.body.getReader();
  const decoder = new TextDecoder();
  const deadline = Date.now() + timeoutMs;
  let text = '';
  try {
    while (text.length <= maxLength) {
      const chunk = await readBefore(reader, deadline);
      if (chunk === 'timeout') break;
      if (chunk.done) return text + decoder.decode();
      text += decoder.decode(chunk.value, { stream: true });
    }
  } finally {
    reader.cancel().catch(() => {});
  }
  // cut short (cap or timeout): one more character than allowed makes the caller mark it truncated
  return text.length > maxLength ? text : `${text}…`;
}

async function readBefore(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  deadline: number,
): Promise<ReadableStreamReadResult<Uint8Array> | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([reader.read(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function cancelQuietly(body: ReadableStream | null): Promise<void> {
  try {
    await body?.cancel();
  } catch {
    // already closed or locked: nothing to free
  }
}
