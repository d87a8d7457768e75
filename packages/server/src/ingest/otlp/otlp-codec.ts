import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';
import { SightlineError } from '../../errors.js';

/** OTLP/HTTP carries either encoding; the response uses the request's. */
export type OtlpEncoding = 'json' | 'protobuf';
export type OtlpSignal = 'traces' | 'logs';

export interface PartialSuccess {
  rejected: number;
  errorMessage: string;
}

const MESSAGE_NAMES = {
  traces: {
    request: 'ExportTraceServiceRequest',
    response: 'ExportTraceServiceResponse',
    rejectedField: 'rejectedSpans',
  },
  logs: {
    request: 'ExportLogsServiceRequest',
    response: 'ExportLogsServiceResponse',
    rejectedField: 'rejectedLogRecords',
  },
} as const;

/** gRPC status codes used in OTLP error bodies (google.rpc.Status). */
const GRPC_CODE_BY_STATUS: Record<number, number> = { 400: 3, 401: 16, 403: 7, 413: 3, 415: 3, 429: 8, 503: 14 };

/**
 * Decodes OTLP requests and encodes responses with the official message layout
 * (`proto/otlp.proto`), through protobufjs. One instance per server: no module state.
 */
export function createOtlpCodec() {
  const root = protobuf.loadSync(fileURLToPath(new URL('./proto/otlp.proto', import.meta.url)));
  const lookup = (name: string) => root.lookupType(`opentelemetry.proto.${name}`);
  const requestTypes = { traces: lookup(MESSAGE_NAMES.traces.request), logs: lookup(MESSAGE_NAMES.logs.request) };
  const responseTypes = { traces: lookup(MESSAGE_NAMES.traces.response), logs: lookup(MESSAGE_NAMES.logs.response) };
  const statusType = lookup('RpcStatus');

  return {
    decodeRequest(signal: OtlpSignal, encoding: OtlpEncoding, body: Buffer): unknown {
      if (encoding === 'json') {
        try {
          return JSON.parse(body.toString('utf8'));
        } catch (error) {
          throw new SightlineError('malformed_payload', `body is not valid JSON: ${(error as Error).message}`, {
            cause: error,
          });
        }
      }
      try {
        return requestTypes[signal].decode(body);
      } catch (error) {
        throw new SightlineError(
          'malformed_payload',
          `body is not a valid OTLP ${MESSAGE_NAMES[signal].request} protobuf message: ${(error as Error).message}`,
          { cause: error },
        );
      }
    },

    /** An empty response means full success; `partialSuccess` says how many records were dropped and why. */
    encodeResponse(signal: OtlpSignal, encoding: OtlpEncoding, partial: PartialSuccess): Buffer | string {
      const message =
        partial.rejected > 0
          ? {
              partialSuccess: {
                [MESSAGE_NAMES[signal].rejectedField]: partial.rejected,
                errorMessage: partial.errorMessage,
              },
            }
          : {};
      if (encoding === 'json') return JSON.stringify(message);
      const type = responseTypes[signal];
      return Buffer.from(type.encode(type.fromObject(message)).finish());
    },

    /** OTLP error bodies are a google.rpc.Status in the request's encoding. */
    encodeError(encoding: OtlpEncoding, httpStatus: number, message: string): Buffer | string {
      const status = { code: GRPC_CODE_BY_STATUS[httpStatus] ?? 13, message };
      if (encoding === 'json') return JSON.stringify(status);
      return Buffer.from(statusType.encode(statusType.fromObject(status)).finish());
    },
  };
}

export type OtlpCodec = ReturnType<typeof createOtlpCodec>;
