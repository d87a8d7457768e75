import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { sessionMiddleware } from '../../src/middleware/node/session-middleware.js';
import { describeSessionConformance } from '../support/session-conformance.js';
import { startTestOtel } from '../support/test-otel.js';

// instrumentations first, then the instrumented modules through require (hooked by them)
const otel = startTestOtel({
  propagation: 'w3c',
  instrumentations: [
    new HttpInstrumentation(),
    new ExpressInstrumentation(),
    new UndiciInstrumentation(),
    new PgInstrumentation(),
    new PinoInstrumentation(),
  ],
});
const require = createRequire(import.meta.url);
const express = require('express') as typeof import('express');

describeSessionConformance('Express 5', {
  otel,
  modules: { http: require('node:http'), pg: require('pg'), pino: require('pino') },
  // even after express.json(): raw-body binds its callback to the caller's async context
  downstreamBaggage: true,
  async start(scenario) {
    const app = express();
    app.use(sessionMiddleware());
    app.use(express.json());
    app.get('/timed', (_req, res) => {
      res.set('Server-Timing', 'app;dur=1');
      res.send('ok');
    });
    app.get('/work', async (_req, res) => {
      res.json(await scenario.work());
    });
    app.post('/work', async (req, res) => {
      if (typeof req.body !== 'object') throw new Error('body not parsed');
      res.json(await scenario.work());
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  },
});
