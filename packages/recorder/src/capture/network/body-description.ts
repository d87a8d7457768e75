import { utf8ByteLength } from '../internal/truncate.js';

/** What we can say about a request or response body without reading a stream. */
export interface BodyDescription {
  /** Text to record (for allow-listed URLs), or a descriptor such as `[Blob 12 bytes image/png]`. */
  text?: string;
  /** Size in bytes, when knowable. */
  bytes?: number;
}

/**
 * Describes a fetch `body` or an XHR `send()` argument. Binary bodies are described, not
 * decoded: their bytes say nothing readable and could be megabytes. Checks are
 * duck-typed (`Blob`, `FormData` from another frame fail `instanceof`).
 */
export function describeBody(body: unknown): BodyDescription {
  if (body === null || body === undefined) return {};
  if (typeof body === 'string') return { text: body, bytes: utf8ByteLength(body) };
  const tag = Object.prototype.toString.call(body).slice(8, -1);
  if (tag === 'URLSearchParams') {
    const text = String(body);
    return { text, bytes: utf8ByteLength(text) };
  }
  if (tag === 'Blob' || tag === 'File') {
    const blob = body as Blob;
    return { text: `[${tag} ${blob.size} bytes${blob.type ? ` ${blob.type}` : ''}]`, bytes: blob.size };
  }
  if (tag === 'FormData') return { text: describeFormData(body as FormData) };
  if (tag === 'ArrayBuffer' || tag === 'SharedArrayBuffer' || ArrayBuffer.isView(body)) {
    const bytes = (body as ArrayBuffer).byteLength;
    return { text: `[binary ${bytes} bytes]`, bytes };
  }
  if (tag === 'ReadableStream') return { text: '[stream]' };
  if (tag === 'Document' || tag === 'HTMLDocument' || tag === 'XMLDocument') return { text: '[document]' };
  // fetch and XHR send any other object as its string form
  const text = String(body);
  return { text, bytes: utf8ByteLength(text) };
}

function describeFormData(form: FormData): string {
  const parts: string[] = [];
  for (const [name, value] of form.entries()) {
    parts.push(`${name}=${typeof value === 'string' ? value : `[File ${value.name} ${value.size} bytes]`}`);
  }
  return parts.join('&');
}

/** Response content types worth reading as text; everything else is recorded as a descriptor. */
export function isTextualContentType(contentType: string | null): boolean {
  if (contentType === null || contentType.trim() === '') return true;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    type.startsWith('text/') ||
    type.endsWith('+json') ||
    type.endsWith('+xml') ||
    ['application/json', 'application/xml', 'application/javascript', 'application/x-www-form-urlencoded'].includes(
      type,
    ) ||
    type === 'application/graphql' ||
    type === 'application/x-ndjson'
  );
}
