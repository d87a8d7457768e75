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

// as registerSightline() sets it up: the session read by the propagator, before any span
// instrumentations first, then the instrumented modules through require (hooked by them)
const otel = startTestOtel({
  propagation: 'sightline',
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

describeSessionConformance('Fastify 5 (@fastify/otel) with SessionBaggagePropagator', {
  otel,
  modules: { http: require('node:http'), pg: require('pg'), pino: require('pino') },
  // the propagator put the session in the context before @fastify/otel stored it, and
  // injects it from the span where a context lost it
  downstreamBaggage: true,
  start: (scenario) => startFastifyApp(() => fastify(), scenario),
});
