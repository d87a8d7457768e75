/** A request body: gzip bytes where the browser can compress, else the JSON text itself. */
export type RequestBody = Uint8Array | string;

export type Compress = (text: string) => Promise<RequestBody>;

/**
 * gzip with the native `CompressionStream`, fed chunk by chunk from a Blob stream so it
 * never holds the page for long; it needs no worker (so no `worker-src`/`blob:` in the
 * site's CSP) and no secure context. Without it, or if it fails, the plain JSON goes
 * out: the server tells them apart by the gzip magic bytes.
 */
export async function compressGzip(text: string): Promise<RequestBody> {
  if (typeof CompressionStream !== 'function') return text;
  try {
    const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return text;
  }
}
