import { randomSpanId, randomTraceId } from './telemetry-fixtures.js';

export interface JsonSpanInput {
  traceId?: string;
  spanId?: string;
  name?: string;
  attributes?: Record<string, string | number | boolean | string[]>;
}

/** An OTLP/JSON attribute list, as exporters write it. */
export function toOtlpAttributes(attributes: Record<string, string | number | boolean | string[]>) {
  return Object.entries(attributes).map(([key, value]) => ({ key, value: toAnyValue(value) }));
}

function toAnyValue(value: string | number | boolean | string[]): Record<string, unknown> {
  if (Array.isArray(value)) return { arrayValue: { values: value.map((item) => ({ stringValue: item })) } };
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
}

/** An ExportTraceServiceRequest in OTLP/JSON with the given spans under one resource. */
export function otlpTracesJson(
  spans: JsonSpanInput[],
  resource: Record<string, string | number | boolean | string[]> = { 'service.name': 'shop-api' },
) {
  const nowNs = BigInt(Date.now()) * 1_000_000n;
  return {
    resourceSpans: [
      {
        resource: { attributes: toOtlpAttributes(resource) },
        scopeSpans: [
          {
            scope: { name: 'test' },
            spans: spans.map((span, i) => ({
              traceId: span.traceId ?? randomTraceId(),
              spanId: span.spanId ?? randomSpanId(),
              name: span.name ?? `span ${i}`,
              kind: 2,
              startTimeUnixNano: String(nowNs + BigInt(i) * 1000n),
              endTimeUnixNano: String(nowNs + BigInt(i) * 1000n + 5_000_000n),
              attributes: toOtlpAttributes(span.attributes ?? {}),
            })),
          },
        ],
      },
    ],
  };
}

export async function postOtlp(
  url: string,
  path: '/v1/traces' | '/v1/logs',
  body: string | Buffer | Uint8Array,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}
