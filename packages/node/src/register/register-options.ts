import type { Attributes } from '@opentelemetry/api';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import type { LogRecordExporter } from '@opentelemetry/sdk-logs';
import type { SpanExporter } from '@opentelemetry/sdk-trace';
import { checkBoolean, checkNonEmptyString, invalidOption } from '../internal/option-checks.js';

/**
 * Options of `registerSightline()`. Every field is optional and falls back to an
 * environment variable, so `node --import @sightline/node/register` needs no code.
 */
export interface RegisterSightlineOptions {
  /** The resource's `service.name`. @default process.env.OTEL_SERVICE_NAME, else OTel's `unknown_service:node` */
  serviceName?: string;
  /**
   * The Sightline server's base URL: traces go to `{endpoint}/v1/traces`, logs to `{endpoint}/v1/logs`.
   * @default process.env.SIGHTLINE_ENDPOINT, else 'http://127.0.0.1:4318'
   */
  endpoint?: string;
  /**
   * The org's ingest key, sent in the `x-sightline-key` header.
   * @default process.env.SIGHTLINE_INGEST_KEY, else none (a server on loopback files it under its default org)
   */
  key?: string;
  /**
   * Instrumentations to register instead of the default set.
   * @default http, undici (fetch), Express, Fastify (`@fastify/otel`), pg and pino
   */
  instrumentations?: Instrumentation[];
  /**
   * Answer every HTTP request with `Server-Timing: traceparent;desc="…"` from the default
   * http instrumentation, so routes without the middleware link to their trace too.
   * @default true
   */
  serverTiming?: boolean;
  /** Extra resource attributes, such as `service.version` or `deployment.environment.name`. @default {} */
  resourceAttributes?: Attributes;
  /** Where spans go instead of Sightline (another backend; an in-memory exporter in tests). @default OTLP/HTTP protobuf to `{endpoint}/v1/traces` */
  traceExporter?: SpanExporter;
  /** Where log records go instead of Sightline. @default OTLP/HTTP protobuf to `{endpoint}/v1/logs` */
  logExporter?: LogRecordExporter;
}

export interface ResolvedRegisterSightlineOptions {
  serviceName: string | undefined;
  /** Without a trailing slash. */
  endpoint: string;
  key: string | undefined;
  /** `undefined`: the default set. */
  instrumentations: Instrumentation[] | undefined;
  serverTiming: boolean;
  resourceAttributes: Attributes;
  traceExporter: SpanExporter | undefined;
  logExporter: LogRecordExporter | undefined;
}

export const DEFAULT_SIGHTLINE_ENDPOINT = 'http://127.0.0.1:4318';

/** The environment variables `registerSightline()` reads when an option is not given. */
export interface SightlineEnvironment {
  SIGHTLINE_ENDPOINT?: string;
  SIGHTLINE_INGEST_KEY?: string;
  OTEL_SERVICE_NAME?: string;
}

/**
 * Merges options, environment and defaults, and checks them; throws
 * `SightlineNodeError('invalid_option')` naming the bad value and what was expected.
 */
export function resolveRegisterSightlineOptions(
  options: unknown = {},
  env: SightlineEnvironment = process.env,
): ResolvedRegisterSightlineOptions {
  if (typeof options !== 'object' || options === null) throw invalidOption('options', 'an object', options);
  const given = options as RegisterSightlineOptions;
  const endpointSource = given.endpoint !== undefined ? 'endpoint' : 'SIGHTLINE_ENDPOINT';
  const endpoint = checkEndpoint(endpointSource, given.endpoint ?? nonEmpty(env.SIGHTLINE_ENDPOINT));
  return {
    serviceName: checkNonEmptyString('serviceName', given.serviceName, nonEmpty(env.OTEL_SERVICE_NAME)),
    endpoint,
    key: checkNonEmptyString(
      given.key !== undefined ? 'key' : 'SIGHTLINE_INGEST_KEY',
      given.key,
      nonEmpty(env.SIGHTLINE_INGEST_KEY),
    ),
    instrumentations: checkInstrumentations(given.instrumentations),
    serverTiming: checkBoolean('serverTiming', given.serverTiming, true),
    resourceAttributes: checkObject('resourceAttributes', given.resourceAttributes) ?? {},
    traceExporter: checkExporter('traceExporter', given.traceExporter),
    logExporter: checkExporter('logExporter', given.logExporter),
  };
}

function checkEndpoint(name: string, value: unknown): string {
  if (value === undefined) return DEFAULT_SIGHTLINE_ENDPOINT;
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    throw invalidOption(name, "the Sightline server's http(s) base URL, such as 'http://127.0.0.1:4318'", value);
  }
  return url.href.replace(/\/+$/, '');
}

function checkInstrumentations(value: unknown): Instrumentation[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw invalidOption('instrumentations', 'an array of OTel instrumentations', value);
  return value as Instrumentation[];
}

function checkObject(name: string, value: unknown): Attributes | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidOption(name, 'an object of attributes', value);
  }
  return value as Attributes;
}

function checkExporter<T>(name: string, value: T | undefined): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || typeof (value as { export?: unknown }).export !== 'function') {
    throw invalidOption(name, 'an exporter (an object with an export method)', value);
  }
  return value;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
