import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { type Logger, SeverityNumber } from '@opentelemetry/api-logs';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { withSession } from '../../../../packages/node/src/middleware/node/session-middleware.js';
import { SessionLogRecordProcessor } from '../../../../packages/node/src/processors/session-log-record-processor.js';
import { SessionSpanProcessor } from '../../../../packages/node/src/processors/session-span-processor.js';
import type { TestSightline } from '../../support/sightline.js';

/** The service name on the shop's spans and logs. */
export const SHOP_SERVICE = 'traced-shop-api';

/** What the shop's page exposes: the buttons a user presses, by id. */
export const SHOP_BUTTONS = { loadCart: '#load-cart', pay: '#pay', crash: '#crash' } as const;

/** A small shop backend instrumented with the OTel Node SDK and `@sightline/node`, exporting to a test Sightline. */
export interface TracedShop {
  /** `http://localhost:<port>`: another host than Sightline's `127.0.0.1`, as a real app is. */
  url: string;
  /** Exports every span and log ended so far (the batch processors would, a moment later). */
  flushTelemetry(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the shop: `GET /` is a page with the recorder's tag and three buttons — load the
 * cart (`GET /api/cart`: a server span, a lookup and a pricing span, an INFO log), pay
 * (`POST /api/pay`: answers 500, its charge span ends in ERROR with an exception, an ERROR
 * log) and crash (an uncaught error in the page). The page also logs to the console.
 *
 * Spans go through the real OTel Node SDK (`NodeTracerProvider`, `SessionSpanProcessor`,
 * batch processor, OTLP/protobuf exporter to `/v1/traces`), logs through the Logs SDK
 * (`SessionLogRecordProcessor`, OTLP to `/v1/logs`), and every request through
 * `withSession()`. The server span is started here, from the request's `traceparent`, as
 * the HTTP instrumentation would: that instrumentation would also trace the Sightline
 * server running in the same test process.
 */
export async function startTracedShop(sightline: TestSightline): Promise<TracedShop> {
  const resource = resourceFromAttributes({ 'service.name': SHOP_SERVICE });
  const headers = { 'x-sightline-key': sightline.ingestKey };
  const tracerProvider = new NodeTracerProvider({
    resource,
    spanProcessors: [
      new SessionSpanProcessor(),
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${sightline.url}/v1/traces`, headers }), {
        scheduledDelayMillis: 200,
      }),
    ],
  });
  // the AsyncLocalStorage context manager and W3C propagators the middleware relies on
  tracerProvider.register();
  const loggerProvider = new LoggerProvider({
    resource,
    processors: [
      new SessionLogRecordProcessor(),
      new BatchLogRecordProcessor({
        exporter: new OTLPLogExporter({ url: `${sightline.url}/v1/logs`, headers }),
        scheduledDelayMillis: 200,
      }),
    ],
  });
  const tracer = tracerProvider.getTracer(SHOP_SERVICE);
  const logger = loggerProvider.getLogger(SHOP_SERVICE);
  const page = renderShopPage(sightline);

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://shop').pathname;
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(page);
      return;
    }
    const route = API_ROUTES[`${req.method} ${path}`];
    if (route === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    serveTraced(tracer, req, res, `${req.method} ${path}`, (span) => route({ tracer, logger, span, res }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://localhost:${port}`,
    async flushTelemetry() {
      await tracerProvider.forceFlush();
      await loggerProvider.forceFlush();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await tracerProvider.shutdown();
      await loggerProvider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

interface RouteContext {
  tracer: Tracer;
  logger: Logger;
  /** The request's server span. */
  span: Span;
  res: ServerResponse;
}

const API_ROUTES: Record<string, (route: RouteContext) => Promise<void>> = {
  'GET /api/cart': async ({ tracer, logger, span, res }) => {
    const items = await tracer.startActiveSpan('cart.lookup', async (lookup) => {
      await delay(150);
      logger.emit({ severityNumber: SeverityNumber.INFO, severityText: 'INFO', body: 'cart loaded: 2 items' });
      lookup.end();
      return [
        { name: 'Teapot', quantity: 1 },
        { name: 'Cups', quantity: 2 },
      ];
    });
    await tracer.startActiveSpan('pricing.compute', async (pricing) => {
      await delay(60);
      pricing.end();
    });
    span.setAttribute('http.response.status_code', 200);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ items }));
  },
  'POST /api/pay': async ({ tracer, logger, span, res }) => {
    await tracer.startActiveSpan('payment.charge', async (charge) => {
      await delay(120);
      const error = new Error('card declined by issuer');
      charge.recordException(error);
      charge.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
      logger.emit({ severityNumber: SeverityNumber.ERROR, severityText: 'ERROR', body: 'payment declined' });
      charge.end();
    });
    span.setAttribute('http.response.status_code', 500);
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'payment failed' });
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'payment declined' }));
  },
};

/**
 * Runs `handle` in a SERVER span continuing the request's `traceparent`, then through
 * `withSession()`, which stamps `session.id` on that span, answers with `Server-Timing`
 * and runs the handler in the session's context (so `SessionSpanProcessor` stamps the
 * child spans and `SessionLogRecordProcessor` the logs).
 */
function serveTraced(
  tracer: Tracer,
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
  handle: (span: Span) => Promise<void>,
): void {
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const [method = 'GET', path = '/'] = name.split(' ');
  const span = tracer.startSpan(
    name,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'url.path': path } },
    parent,
  );
  res.once('close', () => span.end());
  context.with(
    trace.setSpan(parent, span),
    withSession((_req, _res) => {
      handle(span).catch((error: unknown) => {
        span.recordException(error instanceof Error ? error : String(error));
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    }),
    undefined,
    req,
    res,
  );
}

function renderShopPage(sightline: TestSightline): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Traced shop</title>
  <script src="${sightline.url}/sightline.js" data-key="${sightline.ingestKey}" data-endpoint="${sightline.url}"></script>
  <style>
    body { font: 16px/1.5 system-ui, sans-serif; margin: 32px; color: #1d2330; background: #f6f7fb; }
    h1 { margin: 0 0 16px; }
    .actions { display: flex; gap: 12px; margin-bottom: 16px; }
    button { font: inherit; padding: 8px 16px; border-radius: 6px; border: 1px solid #8892a8; background: white; }
    #status { font-weight: 600; }
    .item { padding: 4px 0; }
  </style>
</head>
<body>
  <h1 id="title">Traced shop</h1>
  <div class="actions">
    <button id="load-cart">Load cart</button>
    <button id="pay">Pay</button>
    <button id="crash">Crash</button>
  </div>
  <p id="status">Ready</p>
  <ul id="cart"></ul>
  <script>
    const status = document.getElementById('status');
    document.getElementById('load-cart').addEventListener('click', async () => {
      status.textContent = 'Loading cart…';
      // the loading state is drawn (and recorded) well before the request starts
      await new Promise((resolve) => setTimeout(resolve, 50));
      const response = await fetch('/api/cart');
      const cart = await response.json();
      document.getElementById('cart').innerHTML = cart.items
        .map((item) => '<li class="item">' + item.name + ' × ' + item.quantity + '</li>')
        .join('');
      status.textContent = 'Cart loaded';
      console.log('cart loaded with', cart.items.length, 'items');
    });
    document.getElementById('pay').addEventListener('click', async () => {
      status.textContent = 'Paying…';
      const response = await fetch('/api/pay', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"amount":42}' });
      if (!response.ok) {
        status.textContent = 'Payment failed';
        console.error('payment failed with status', response.status);
      }
    });
    document.getElementById('crash').addEventListener('click', () => {
      status.textContent = 'About to crash';
      setTimeout(() => {
        throw new Error('Checkout exploded');
      }, 0);
    });
  </script>
</body>
</html>`;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
