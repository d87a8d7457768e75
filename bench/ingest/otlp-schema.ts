import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

/** The server's own copy of the OTLP schema: the bench encodes with, and the ceiling decodes with, what Sightline decodes with. */
export const SERVER_OTLP_PROTO = fileURLToPath(
  new URL('../../packages/server/src/ingest/otlp/proto/otlp.proto', import.meta.url),
);

export function loadTraceRequestType(): protobuf.Type {
  return protobuf.loadSync(SERVER_OTLP_PROTO).lookupType('opentelemetry.proto.ExportTraceServiceRequest');
}
