import { getNumberFromEnv } from '@opentelemetry/core';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { BatchLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace';
import type { ResolvedRegisterSightlineOptions } from './register-options.js';

type ExportOptions = Pick<ResolvedRegisterSightlineOptions, 'endpoint' | 'key' | 'traceExporter' | 'logExporter'>;

/**
 * Batches spans to the given exporter, or over OTLP/HTTP protobuf to `{endpoint}/v1/traces`
 * with the ingest key in `x-sightline-key`. Batch sizes and delays follow the standard
 * `OTEL_BSP_*` variables, as they would with the SDK's own defaults.
 */
export function createSpanExportProcessor(options: ExportOptions): BatchSpanProcessor {
  return new BatchSpanProcessor({
    exporter:
      options.traceExporter ??
      new OTLPTraceExporter({ url: `${options.endpoint}/v1/traces`, headers: keyHeaders(options) }),
    ...batchOptionsFromEnv('OTEL_BSP'),
  });
}

/** Batches log records the same way, to `{endpoint}/v1/logs`, following `OTEL_BLRP_*`. */
export function createLogExportProcessor(options: ExportOptions): BatchLogRecordProcessor {
  return new BatchLogRecordProcessor({
    exporter:
      options.logExporter ?? new OTLPLogExporter({ url: `${options.endpoint}/v1/logs`, headers: keyHeaders(options) }),
    ...batchOptionsFromEnv('OTEL_BLRP'),
  });
}

function keyHeaders(options: ExportOptions): Record<string, string> {
  return options.key === undefined ? {} : { 'x-sightline-key': options.key };
}

function batchOptionsFromEnv(prefix: 'OTEL_BSP' | 'OTEL_BLRP') {
  const options: {
    scheduledDelayMillis?: number;
    exportTimeoutMillis?: number;
    maxQueueSize?: number;
    maxExportBatchSize?: number;
  } = {};
  const read = (name: string) => {
    const value = getNumberFromEnv(`${prefix}_${name}`);
    return value !== undefined && value > 0 ? value : undefined;
  };
  const scheduledDelayMillis = read('SCHEDULE_DELAY');
  const exportTimeoutMillis = read('EXPORT_TIMEOUT');
  const maxQueueSize = read('MAX_QUEUE_SIZE');
  const maxExportBatchSize = read('MAX_EXPORT_BATCH_SIZE');
  if (scheduledDelayMillis !== undefined) options.scheduledDelayMillis = scheduledDelayMillis;
  if (exportTimeoutMillis !== undefined) options.exportTimeoutMillis = exportTimeoutMillis;
  if (maxQueueSize !== undefined) options.maxQueueSize = maxQueueSize;
  if (maxExportBatchSize !== undefined) options.maxExportBatchSize = maxExportBatchSize;
  return options;
}
