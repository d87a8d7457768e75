import { createRequire } from 'node:module';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { startFastifyApp } from '../support/fastify-app.js';
import { describeSessionConformance } from '../support/session-conformance.js';
import { startTestOtel } from '../support/test-otel.js';

// an app with its own OTel setup and no Fastify instrumentation: the plugin's context
// alone carries the session through hooks, body parsing and the handler
const otel = startTestOtel({
  propagation: 'w3c',
  instrumentations: [
    new HttpInstrumentation(),
    new UndiciInstrumentation(),
    new PgInstrumentation(),
    new PinoInstrumentation(),
  ],
});
const require = createRequire(import.meta.url);
const { fastify } = require('fastify') as typeof import('fastify');

describeSessionConformance('Fastify 5 (http instrumentation only)', {
  otel,
  modules: { http: require('node:http'), pg: require('pg'), pino: require('pino') },
  downstreamBaggage: true,
  start: (scenario) => startFastifyApp(() => fastify(), scenario),
});
