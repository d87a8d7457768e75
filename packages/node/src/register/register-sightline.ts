import { diag } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import { defaultResource, type Resource, resourceFromAttributes } from '@opentelemetry/resources';
import { LoggerProvider } from '@opentelemetry/sdk-logs';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { reportInternalError } from '../internal/report-internal-error.js';
import { SessionLogRecordProcessor } from '../processors/session-log-record-processor.js';
import { SessionSpanProcessor } from '../processors/session-span-processor.js';
import { createSightlinePropagator } from '../propagation/create-sightline-propagator.js';
import { createLogExportProcessor, createSpanExportProcessor } from './create-export-processors.js';
import { createDefaultInstrumentations } from './create-instrumentations.js';
import { hasGlobalTracerProvider, propagatesBaggage } from './existing-setup.js';
import {
  type RegisterSightlineOptions,
  type ResolvedRegisterSightlineOptions,
  resolveRegisterSightlineOptions,
} from './register-options.js';
import { readRegistration, writeRegistration } from './registration-slot.js';
import type { SightlineRegistration } from './sightline-registration.js';

const log = diag.createComponentLogger({ namespace: '@sightline/node' });

/**
 * Sets up OpenTelemetry for a service that has none, in one call made before the app
 * loads its frameworks: the OTel Node SDK exporting traces and logs (OTLP/HTTP protobuf)
 * to a Sightline server, `SessionSpanProcessor` and `SessionLogRecordProcessor`, W3C trace
 * context and baggage propagation that reads the session from `X-Session-ID` / baggage /
 * the `sightline_sid` cookie, and the http, fetch, Express, Fastify, pg and pino
 * instrumentations. ESM apps preload it instead: `node --import @sightline/node/register app.js`.
 *
 * Beside an existing OTel setup it starts no second SDK: it adds a logger provider if
 * there is none, and says through `diag` what to add to the existing tracer provider.
 * A second call returns the first call's registration (warning through `diag` when it
 * came with options of its own). Throws only for invalid options.
 *
 * @example
 * registerSightline({ serviceName: 'checkout-api', endpoint: 'https://sightline.example.com', key: process.env.SIGHTLINE_INGEST_KEY });
 */
export function registerSightline(options?: RegisterSightlineOptions): SightlineRegistration {
  const resolved = resolveRegisterSightlineOptions(options);
  const earlier = readRegistration();
  if (earlier !== undefined) {
    // without options it is a look-up (to reach shutdown()); with options, a second setup
    if (options === undefined) log.debug('registerSightline() returns the earlier registration');
    else log.warn('registerSightline() was already called; keeping the first setup and ignoring this call.');
    return earlier;
  }
  const registration = hasGlobalTracerProvider() ? joinExistingSetup(resolved) : startNodeSdk(resolved);
  writeRegistration(registration);
  return registration;
}

function startNodeSdk(options: ResolvedRegisterSightlineOptions): SightlineRegistration {
  const spanExporting = createSpanExportProcessor(options);
  const logExporting = createLogExportProcessor(options);
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    resource: defaultResource().merge(resourceFromAttributes(options.resourceAttributes)),
    // the session processors first: a log record must carry session.id before it is queued
    spanProcessors: [new SessionSpanProcessor(), spanExporting],
    logRecordProcessors: [new SessionLogRecordProcessor(), logExporting],
    // Sightline takes no metrics: without this the SDK would start an OTLP metrics exporter
    metricReaders: [],
    textMapPropagator: createSightlinePropagator(),
    instrumentations: options.instrumentations ?? createDefaultInstrumentations(options),
  });
  sdk.start();
  log.debug(`exporting traces and logs to ${options.endpoint}`);
  return createRegistration('started', {
    forceFlush: () => Promise.all([spanExporting.forceFlush(), logExporting.forceFlush()]).then(() => undefined),
    shutdown: () => sdk.shutdown(),
  });
}

function joinExistingSetup(options: ResolvedRegisterSightlineOptions): SightlineRegistration {
  log.warn(
    'an OpenTelemetry tracer provider is already registered, so registerSightline() starts no second SDK and ' +
      'registers no instrumentations. To link its spans to sessions, add `new SessionSpanProcessor()` to its ' +
      '`spanProcessors`, use `SessionBaggagePropagator` in place of `W3CBaggagePropagator`, and export to Sightline ' +
      `with OTLP/HTTP to ${options.endpoint}/v1/traces and the header x-sightline-key.`,
  );
  if (!propagatesBaggage()) {
    log.warn(
      'the registered propagator does not send W3C baggage, so downstream services will not receive session.id: ' +
        'add `SessionBaggagePropagator` to it.',
    );
  }

  const logExporting = createLogExportProcessor(options);
  const loggerProvider = new LoggerProvider({
    resource: createResource(options),
    processors: [new SessionLogRecordProcessor(), logExporting],
  });
  if (logs.setGlobalLoggerProvider(loggerProvider) !== loggerProvider) {
    log.warn(
      'an OpenTelemetry logger provider is already registered too: add `new SessionLogRecordProcessor()` to its ' +
        '`processors`, before the exporting one.',
    );
    void loggerProvider.shutdown();
    return createRegistration('existing', { forceFlush: async () => {}, shutdown: async () => {} });
  }
  log.info(`added a logger provider exporting logs to ${options.endpoint}/v1/logs`);
  return createRegistration('existing', {
    forceFlush: () => loggerProvider.forceFlush(),
    shutdown: () => loggerProvider.shutdown(),
  });
}

function createResource(options: ResolvedRegisterSightlineOptions): Resource {
  const serviceName = options.serviceName === undefined ? {} : { 'service.name': options.serviceName };
  return defaultResource().merge(resourceFromAttributes({ ...options.resourceAttributes, ...serviceName }));
}

// never rejects: an unreachable Sightline server must not crash the app on its way out
function createRegistration(
  mode: SightlineRegistration['mode'],
  parts: { forceFlush(): Promise<void>; shutdown(): Promise<void> },
): SightlineRegistration {
  let shutdown: Promise<void> | undefined;
  const settle = (what: string, run: () => Promise<void>) =>
    Promise.resolve()
      .then(run)
      .catch((error: unknown) => reportInternalError(error, what));
  return {
    mode,
    forceFlush: () => (shutdown === undefined ? settle('forceFlush', parts.forceFlush) : shutdown),
    shutdown() {
      shutdown ??= settle('shutdown', parts.shutdown);
      return shutdown;
    },
  };
}
