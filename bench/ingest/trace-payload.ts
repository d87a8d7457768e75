/**
 * One realistic ExportTraceServiceRequest in OTLP/JSON form (hex ids, nanosecond times
 * as decimal strings): one service's resource, traces of ~10 spans with parents, ~8
 * attributes per span, a `session.id` shared by the spans of a few traces, and a few
 * spans failing with an exception event. Deterministic per template index.
 */

export type JsonAnyValue = { stringValue: string } | { intValue: number } | { boolValue: boolean };

export interface JsonKeyValue {
  key: string;
  value: JsonAnyValue;
}

export interface JsonSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: JsonKeyValue[];
  events?: { timeUnixNano: string; name: string; attributes: JsonKeyValue[] }[];
  status: { code: number; message?: string };
}

export interface JsonTraceRequest {
  resourceSpans: {
    resource: { attributes: JsonKeyValue[] };
    scopeSpans: { scope: { name: string; version: string }; spans: JsonSpan[] }[];
  }[];
}

export interface TracePayloadOptions {
  spansPerRequest: number;
  /** Spans start in the few minutes before this (PostgreSQL partitions by day around now). */
  nowMs: number;
}

const SPANS_PER_TRACE = 10;
const SESSIONS_PER_REQUEST = 4;
const SPAN_KIND = { internal: 1, server: 2, client: 3 } as const;
const STATUS = { unset: 0, error: 2 } as const;
const ROUTES = ['/api/orders/:id', '/api/cart', '/api/products', '/api/checkout', '/api/users/:id/profile'];
const TABLES = ['orders', 'order_items', 'products', 'users', 'carts'];

/** Builds the request for one template; different indexes give different ids, sessions and shapes. */
export function createTraceRequest(templateIndex: number, options: TracePayloadOptions): JsonTraceRequest {
  const random = createRandom(templateIndex + 1);
  const sessions = Array.from({ length: SESSIONS_PER_REQUEST }, () => randomUuid(random));
  const spans: JsonSpan[] = [];
  while (spans.length < options.spansPerRequest) {
    const size = Math.min(SPANS_PER_TRACE, options.spansPerRequest - spans.length);
    // one trace in five is a background job with no browser session behind it
    const sessionId = random() < 0.2 ? undefined : sessions[Math.floor(random() * sessions.length)];
    spans.push(...createTrace(random, size, sessionId, options.nowMs));
  }
  return {
    resourceSpans: [
      {
        resource: {
          attributes: [
            text('service.name', 'checkout-api'),
            text('service.version', '2.14.3'),
            text('host.name', `checkout-api-7d9f8b6c5-${(templateIndex % 5) + 1}`),
            integer('process.pid', 4100 + (templateIndex % 5)),
            text('telemetry.sdk.name', 'opentelemetry'),
            text('telemetry.sdk.language', 'nodejs'),
            text('telemetry.sdk.version', '2.0.1'),
            text('deployment.environment', 'production'),
          ],
        },
        scopeSpans: [{ scope: { name: '@opentelemetry/instrumentation-http', version: '0.57.2' }, spans }],
      },
    ],
  };
}

function createTrace(random: () => number, size: number, sessionId: string | undefined, nowMs: number): JsonSpan[] {
  const traceId = randomHex(random, 16);
  const rootStartNs = BigInt(nowMs - Math.floor(random() * 300_000)) * 1_000_000n;
  const rootDurationNs = BigInt(20_000_000 + Math.floor(random() * 180_000_000));
  const route = pick(random, ROUTES);
  const session = sessionId === undefined ? [] : [text('session.id', sessionId)];
  const failing = random() < 0.1;

  const root: JsonSpan = {
    traceId,
    spanId: randomHex(random, 8),
    name: `GET ${route}`,
    kind: SPAN_KIND.server,
    startTimeUnixNano: String(rootStartNs),
    endTimeUnixNano: String(rootStartNs + rootDurationNs),
    attributes: [
      text('http.request.method', 'GET'),
      text('url.path', route.replace(':id', String(1000 + Math.floor(random() * 9000)))),
      text('http.route', route),
      integer('http.response.status_code', failing ? 500 : 200),
      text('server.address', 'shop.example.com'),
      integer('server.port', 443),
      text('user_agent.original', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36'),
      ...session,
    ],
    status: { code: failing ? STATUS.error : STATUS.unset },
  };
  const spans = [root];
  for (let index = 1; index < size; index += 1) {
    // most work hangs off the root; some nests under an earlier child
    const parent = random() < 0.6 ? root : (spans[Math.floor(random() * spans.length)] ?? root);
    const startNs = BigInt(parent.startTimeUnixNano) + BigInt(Math.floor(random() * 5_000_000));
    const endNs = startNs + BigInt(200_000 + Math.floor(random() * 15_000_000));
    const child = createChildSpan(random, traceId, parent.spanId, startNs, endNs, session);
    if (failing && index === size - 1) failSpan(child, endNs);
    spans.push(child);
  }
  return spans;
}

function createChildSpan(
  random: () => number,
  traceId: string,
  parentSpanId: string,
  startNs: bigint,
  endNs: bigint,
  session: JsonKeyValue[],
): JsonSpan {
  const base = {
    traceId,
    spanId: randomHex(random, 8),
    parentSpanId,
    startTimeUnixNano: String(startNs),
    endTimeUnixNano: String(endNs),
    status: { code: STATUS.unset },
  };
  const choice = random();
  if (choice < 0.5) {
    const table = pick(random, TABLES);
    return {
      ...base,
      name: `SELECT ${table}`,
      kind: SPAN_KIND.client,
      attributes: [
        text('db.system.name', 'postgresql'),
        text('db.namespace', 'shop'),
        text('db.operation.name', 'SELECT'),
        text('db.query.text', `SELECT * FROM ${table} WHERE id = $1 AND tenant_id = $2 LIMIT 50`),
        text('server.address', 'db.internal'),
        integer('server.port', 5432),
        integer('db.response.returned_rows', Math.floor(random() * 50)),
        ...session,
      ],
    };
  }
  if (choice < 0.75) {
    return {
      ...base,
      name: 'POST',
      kind: SPAN_KIND.client,
      attributes: [
        text('http.request.method', 'POST'),
        text('url.full', 'https://payments.internal/v2/authorize'),
        integer('http.response.status_code', 200),
        text('server.address', 'payments.internal'),
        integer('server.port', 443),
        text('network.protocol.version', '1.1'),
        integer('http.request.body.size', 200 + Math.floor(random() * 2000)),
        ...session,
      ],
    };
  }
  return {
    ...base,
    name: 'render order summary',
    kind: SPAN_KIND.internal,
    attributes: [
      text('code.function.name', 'renderOrderSummary'),
      text('code.file.path', '/app/src/orders/render-order-summary.ts'),
      integer('code.line.number', 42 + Math.floor(random() * 200)),
      { key: 'app.cache.hit', value: { boolValue: random() < 0.7 } },
      integer('app.items', Math.floor(random() * 20)),
      text('app.tenant', `tenant-${Math.floor(random() * 30)}`),
      text('thread.name', 'main'),
      ...session,
    ],
  };
}

function failSpan(span: JsonSpan, atNs: bigint): void {
  span.status = { code: STATUS.error, message: 'payment authorization timed out' };
  span.events = [
    {
      timeUnixNano: String(atNs),
      name: 'exception',
      attributes: [
        text('exception.type', 'TimeoutError'),
        text('exception.message', 'payment authorization timed out after 5000 ms'),
        text(
          'exception.stacktrace',
          'TimeoutError: payment authorization timed out\n    at authorize (/app/src/payments/client.ts:88:11)\n    at async checkout (/app/src/orders/checkout.ts:51:5)',
        ),
      ],
    },
  ];
}

function text(key: string, value: string): JsonKeyValue {
  return { key, value: { stringValue: value } };
}

function integer(key: string, value: number): JsonKeyValue {
  return { key, value: { intValue: value } };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  const value = list[Math.floor(random() * list.length)];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
}

function randomHex(random: () => number, bytes: number): string {
  let hex = '';
  for (let index = 0; index < bytes; index += 1) {
    hex += Math.floor(random() * 256)
      .toString(16)
      .padStart(2, '0');
  }
  return hex;
}

function randomUuid(random: () => number): string {
  const hex = randomHex(random, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** mulberry32: a small seeded generator, so every run sends the same bodies. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
