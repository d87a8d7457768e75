import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { OTLPLogExporter as OTLPLogExporterHttp } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPLogExporter as OTLPLogExporterProto } from '@opentelemetry/exporter-logs-otlp-proto';
import { OTLPTraceExporter as OTLPTraceExporterHttp } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OTLPTraceExporterProto } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { TraceView } from '../../src/query/group-spans-by-trace.js';
import type { StoredLog } from '../../src/storage/store.js';
import { describeEachEngine } from '../support/describe-each-engine.js';
import { queryApi, startTestServer, type TestServer } from '../support/test-server.js';

interface SdkPair {
  name: string;
  traceExporter: (url: string, key: string) => SimpleSpanProcessor;
  logProcessor: (url: string, key: string) => SimpleLogRecordProcessor;
}

const ENCODINGS: SdkPair[] = [
  {
    name: 'OTLP/HTTP JSON',
    traceExporter: (url, key) =>
      new SimpleSpanProcessor(
        new OTLPTraceExporterHttp({ url: `${url}/v1/traces`, headers: { 'x-sightline-key': key } }),
      ),
    logProcessor: (url, key) =>
      new SimpleLogRecordProcessor({
        exporter: new OTLPLogExporterHttp({ url: `${url}/v1/logs`, headers: { 'x-sightline-key': key } }),
      }),
  },
  {
    name: 'OTLP/HTTP protobuf',
    traceExporter: (url, key) =>
      new SimpleSpanProcessor(
        new OTLPTraceExporterProto({ url: `${url}/v1/traces`, headers: { 'x-sightline-key': key } }),
      ),
    logProcessor: (url, key) =>
      new SimpleLogRecordProcessor({
        exporter: new OTLPLogExporterProto({ url: `${url}/v1/logs`, headers: { 'x-sightline-key': key } }),
      }),
  },
];

await describeEachEngine('the OpenTelemetry JS SDK exporting to Sightline', (engine) => {
  let test: TestServer;
  before(async () => {
    test = await startTestServer(engine);
  });
  after(async () => {
    await test?.dispose();
  });

  for (const encoding of ENCODINGS) {
    describe(encoding.name, () => {
      it("stores a session's spans and logs, and the query API returns exactly them", async () => {
        const sessionId = randomUUID();
        const resource = resourceFromAttributes({ 'service.name': 'checkout-api', 'deployment.environment': 'test' });
        const tracerProvider = new NodeTracerProvider({
          resource,
          spanProcessors: [encoding.traceExporter(test.url, test.ingestKey)],
        });
        const loggerProvider = new LoggerProvider({
          resource,
          processors: [encoding.logProcessor(test.url, test.ingestKey)],
        });
        const tracer = tracerProvider.getTracer('sightline-test');
        const logger = loggerProvider.getLogger('sightline-test');

        // a session's request: a server span, a database child span that fails, a log inside
        const root = tracer.startSpan('POST /api/checkout', {
          kind: 1,
          attributes: { 'session.id': sessionId, 'http.request.method': 'POST', 'enduser.id': 'user-7' },
        });
        const rootContext = trace.setSpan(context.active(), root);
        const child = tracer.startSpan('INSERT orders', { attributes: { 'db.system': 'postgresql' } }, rootContext);
        child.recordException(new Error('duplicate key value violates unique constraint'));
        child.setStatus({ code: SpanStatusCode.ERROR, message: 'duplicate key' });
        child.end();
        logger.emit({
          context: rootContext,
          severityNumber: SeverityNumber.ERROR,
          severityText: 'ERROR',
          body: 'order insert failed',
          attributes: { 'session.id': sessionId, 'order.total': 42.5 },
        });
        root.end();
        // an unrelated span (another session) and a span of no session at all
        tracer.startSpan('GET /api/cart', { attributes: { 'session.id': randomUUID() } }).end();
        tracer.startSpan('cron: cleanup').end();

        await tracerProvider.forceFlush();
        await loggerProvider.forceFlush();

        const traces = await queryApi<{ traces: TraceView[] }>(test, `/api/sessions/${sessionId}/traces`);
        assert.equal(traces.status, 200, JSON.stringify(traces.body));
        assert.equal(traces.body.traces.length, 1, JSON.stringify(await queryApi(test, '/api/sessions')));
        assert.equal(traces.body.traces.length, 1);
        const [stored] = traces.body.traces;
        assert.equal(stored?.traceId, root.spanContext().traceId);
        assert.equal(stored?.name, 'POST /api/checkout');
        assert.equal(stored?.serviceName, 'checkout-api');
        assert.equal(stored?.errorCount, 1);
        assert.deepEqual(stored?.spans.map((span) => span.name).sort(), ['INSERT orders', 'POST /api/checkout']);
        const storedRoot = stored?.spans.find((span) => span.name === 'POST /api/checkout');
        const storedChild = stored?.spans.find((span) => span.name === 'INSERT orders');
        assert.equal(storedRoot?.kind, 'SERVER');
        assert.equal(storedRoot?.attributes['http.request.method'], 'POST');
        assert.equal(storedRoot?.resource['service.name'], 'checkout-api');
        assert.equal(storedChild?.parentSpanId, root.spanContext().spanId);
        assert.equal(storedChild?.statusCode, 'ERROR');
        assert.equal(storedChild?.statusMessage, 'duplicate key');
        assert.equal(storedChild?.events[0]?.name, 'exception');
        assert.match(String(storedChild?.events[0]?.attributes['exception.message']), /duplicate key/);
        assert.ok((storedRoot?.durationMs ?? -1) >= 0);

        const logs = await queryApi<{ logs: StoredLog[] }>(test, `/api/sessions/${sessionId}/logs`);
        assert.equal(logs.status, 200);
        assert.equal(logs.body.logs.length, 1);
        const [log] = logs.body.logs;
        assert.equal(log?.body, 'order insert failed');
        assert.equal(log?.severity, 'ERROR');
        assert.equal(log?.traceId, root.spanContext().traceId);
        assert.equal(log?.spanId, root.spanContext().spanId);
        assert.equal(log?.attributes['order.total'], 42.5);

        const session = await queryApi<{ userId: string; spanCount: number; logCount: number; errorCount: number }>(
          test,
          `/api/sessions/${sessionId}`,
        );
        assert.equal(session.status, 200);
        assert.equal(session.body.userId, 'user-7');
        assert.equal(session.body.spanCount, 1);
        assert.equal(session.body.logCount, 1);
        assert.equal(session.body.errorCount, 1);

        const byTrace = await queryApi<TraceView & { logs: StoredLog[] }>(
          test,
          `/api/traces/${root.spanContext().traceId}`,
        );
        assert.equal(byTrace.status, 200);
        assert.equal(byTrace.body.sessionId, sessionId);
        assert.equal(byTrace.body.spans.length, 2);
        assert.equal(byTrace.body.logs.length, 1);

        await tracerProvider.shutdown();
        await loggerProvider.shutdown();
      });
    });
  }
});
