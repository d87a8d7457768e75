import { context, SpanKind, type TextMapPropagator } from '@opentelemetry/api';
import {
  CompositePropagator,
  suppressTracing,
  W3CBaggagePropagator,
  W3CTraceContextPropagator,
} from '@opentelemetry/core';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { InMemoryLogRecordExporter, type ReadableLogRecord, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { SessionLogRecordProcessor } from '../../src/processors/session-log-record-processor.js';
import { SessionSpanProcessor } from '../../src/processors/session-span-processor.js';
import { createSightlinePropagator } from '../../src/propagation/create-sightline-propagator.js';

/** The real OTel Node SDK exporting to memory, as an app with its own OTel setup has it. */
export interface TestOtel {
  finishedSpans(): ReadableSpan[];
  finishedLogs(): ReadableLogRecord[];
  /** Waits until the trace's server spans (the request's root) have ended, then returns all of its spans. */
  traceSpans(traceId: string, serverSpans?: number): Promise<ReadableSpan[]>;
  shutdown(): Promise<void>;
}

export interface TestOtelOptions {
  /**
   * `'w3c'`: plain W3C trace context + baggage, so only the middleware links requests to
   * sessions. `'sightline'`: `SessionBaggagePropagator`, as `registerSightline()` sets up.
   */
  propagation: 'w3c' | 'sightline';
  instrumentations: Instrumentation[];
}

/** Starts the SDK; each test file is its own process, so the OTel globals are the file's. */
export function startTestOtel(options: TestOtelOptions): TestOtel {
  const spans = new InMemorySpanExporter();
  const logs = new InMemoryLogRecordExporter();
  const propagator: TextMapPropagator =
    options.propagation === 'w3c'
      ? new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] })
      : createSightlinePropagator();
  const sdk = new NodeSDK({
    serviceName: 'node-sdk-test',
    spanProcessors: [new SessionSpanProcessor(), new SimpleSpanProcessor({ exporter: spans })],
    logRecordProcessors: [new SessionLogRecordProcessor(), new SimpleLogRecordProcessor({ exporter: logs })],
    metricReaders: [],
    textMapPropagator: propagator,
    instrumentations: options.instrumentations,
  });
  sdk.start();
  return {
    finishedSpans: () => spans.getFinishedSpans(),
    finishedLogs: () => logs.getFinishedLogRecords(),
    async traceSpans(traceId, serverSpans = 1) {
      const inTrace = () => spans.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
      await waitFor(() => inTrace().filter((span) => span.kind === SpanKind.SERVER).length >= serverSpans);
      // the server span ends last, on 'close': give sibling spans of the same tick a moment
      await new Promise((resolve) => setTimeout(resolve, 20));
      return inTrace();
    },
    shutdown: () => sdk.shutdown(),
  };
}

export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** `fetch` from the test itself, traced by nobody: the app's server span starts a new trace. */
export function fetchUntraced(url: string, init?: RequestInit): Promise<Response> {
  return context.with(suppressTracing(context.active()), () => fetch(url, init));
}

/** The trace ID named by a response's `Server-Timing: traceparent;desc="00-<trace>-<span>-<flags>"`. */
export function traceIdFromServerTiming(response: Response): string {
  const match = /traceparent;desc="00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})"/.exec(
    response.headers.get('server-timing') ?? '',
  );
  if (match?.[1] === undefined) {
    throw new Error(`no traceparent in Server-Timing: ${response.headers.get('server-timing')}`);
  }
  return match[1];
}
