import { loadTraceRequestType } from './otlp-schema.js';
import { createTraceRequest, type JsonTraceRequest } from './trace-payload.js';

export type BenchEncoding = 'json' | 'protobuf';

export const CONTENT_TYPES: Record<BenchEncoding, string> = {
  json: 'application/json',
  protobuf: 'application/x-protobuf',
};

export interface BodyPoolOptions {
  /** Distinct templates to cycle through. */
  size: number;
  spansPerRequest: number;
  nowMs: number;
}

export interface BodyPool {
  contentType: string;
  /** Mean size of one body in bytes. */
  meanBytes: number;
  /**
   * The next body. The server stores a (trace id, span id) once and ignores repeats, so
   * identical bodies would measure nothing: every body gets a request number written
   * into the first 4 bytes of each of its ids, which makes all its spans new.
   */
  next(): Buffer;
}

interface Template {
  body: Buffer;
  /** Where each id starts in `body`, every occurrence (a parent id is also a span id). */
  idOffsets: number[];
}

/** Encodes `size` templates once; `next()` then only copies one and patches its ids. */
export function createBodyPool(encoding: BenchEncoding, options: BodyPoolOptions): BodyPool {
  const encode = encoding === 'json' ? encodeJson : createProtobufEncoder();
  const templates: Template[] = [];
  for (let index = 0; index < options.size; index += 1) {
    const request = createTraceRequest(index, options);
    const body = encode(request);
    templates.push({ body, idOffsets: locateIds(body, request, encoding) });
  }
  const meanBytes = templates.reduce((sum, template) => sum + template.body.length, 0) / templates.length;
  let requestNumber = 0;

  return {
    contentType: CONTENT_TYPES[encoding],
    meanBytes,
    next() {
      const template = templates[requestNumber % templates.length];
      if (!template) throw new Error('the body pool is empty');
      requestNumber += 1;
      const body = Buffer.from(template.body);
      if (encoding === 'json') {
        const hex = requestNumber.toString(16).padStart(8, '0');
        for (const offset of template.idOffsets) body.write(hex, offset, 'latin1');
      } else {
        for (const offset of template.idOffsets) body.writeUInt32BE(requestNumber, offset);
      }
      return body;
    },
  };
}

function encodeJson(request: JsonTraceRequest): Buffer {
  return Buffer.from(JSON.stringify(request));
}

/** The same data through protobufjs: ids become bytes, the rest maps one to one. */
function createProtobufEncoder(): (request: JsonTraceRequest) => Buffer {
  const type = loadTraceRequestType();
  return (request) => {
    const binaryIds = {
      resourceSpans: request.resourceSpans.map((resourceSpans) => ({
        ...resourceSpans,
        scopeSpans: resourceSpans.scopeSpans.map((scopeSpans) => ({
          ...scopeSpans,
          spans: scopeSpans.spans.map((span) => ({
            ...span,
            traceId: Buffer.from(span.traceId, 'hex'),
            spanId: Buffer.from(span.spanId, 'hex'),
            parentSpanId: span.parentSpanId === undefined ? undefined : Buffer.from(span.parentSpanId, 'hex'),
          })),
        })),
      })),
    };
    return Buffer.from(type.encode(type.fromObject(binaryIds)).finish());
  };
}

/**
 * Finds every id in the encoded body by searching for each distinct id's encoding
 * (quoted hex in JSON, raw bytes in protobuf). The count must equal the number of id
 * fields: a stray match elsewhere, or a miss, would patch the wrong bytes.
 */
function locateIds(body: Buffer, request: JsonTraceRequest, encoding: BenchEncoding): number[] {
  const fields: string[] = [];
  for (const resourceSpans of request.resourceSpans) {
    for (const scopeSpans of resourceSpans.scopeSpans) {
      for (const span of scopeSpans.spans) {
        fields.push(span.traceId, span.spanId);
        if (span.parentSpanId !== undefined) fields.push(span.parentSpanId);
      }
    }
  }
  const offsets: number[] = [];
  for (const id of new Set(fields)) {
    const needle = encoding === 'json' ? Buffer.from(`"${id}"`) : Buffer.from(id, 'hex');
    const skip = encoding === 'json' ? 1 : 0;
    for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, at + needle.length)) {
      offsets.push(at + skip);
    }
  }
  if (offsets.length !== fields.length) {
    throw new Error(`found ${offsets.length} ids in a ${encoding} body, expected ${fields.length}`);
  }
  return offsets;
}
