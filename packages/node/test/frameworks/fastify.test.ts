import { createRequire } from 'node:module';
import { FastifyOtelInstrumentation } from '@fastify/otel';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { startFastifyApp } from '../support/fastify-app.js';
import { describeSessionConformance } from '../support/session-conformance.js';
import { startTestOtel } from '../support/test-otel.js';

// instrumentations first, then the instrumented modules through require (hooked by them)
const otel = startTestOtel({
  propagation: 'w3c',
  instrumentations: [
    new HttpInstrumentation(),
    new FastifyOtelInstrumentation({ registerOnInitialization: true }) as unknown as Instrumentation,
    new UndiciInstrumentation(),
    new PgInstrumentation(),
    new PinoInstrumentation(),
  ],
});
const require = createRequire(import.meta.url);
const { fastify } = require('fastify') as typeof import('fastify');

describeSessionConformance('Fastify 5 (@fastify/otel)', {
  otel,
  modules: { http: require('node:http'), pg: require('pg'), pino: require('pino') },
  // @fastify/otel runs handlers in the context it stored before the plugin's hook ran;
  // fastify-session-propagator.test.ts shows SessionBaggagePropagator carrying it anyway
  downstreamBaggage: false,
  start: (scenario) => startFastifyApp(() => fastify(), scenario),
});
