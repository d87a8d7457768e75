import { createRequire } from 'node:module';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { sessionMiddleware } from '../../src/middleware/hono/session-middleware.js';
import { describeSessionConformance } from '../support/session-conformance.js';
import { startTestOtel } from '../support/test-otel.js';

// instrumentations first, then the instrumented modules through require (hooked by them)
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
const { Hono } = require('hono') as typeof import('hono');
const { serve } = require('@hono/node-server') as typeof import('@hono/node-server');

describeSessionConformance('Hono (@hono/node-server)', {
  otel,
  modules: { http: require('node:http'), pg: require('pg'), pino: require('pino') },
  // promise-chained middlewares: the context holds through `await c.req.json()`
  downstreamBaggage: true,
  async start(scenario) {
    const app = new Hono();
    app.use(sessionMiddleware());
    app.get('/timed', (c) => {
      c.header('Server-Timing', 'app;dur=1');
      return c.text('ok');
    });
    app.get('/work', async (c) => c.json(await scenario.work()));
    app.post('/work', async (c) => {
      const body: unknown = await c.req.json();
      if (typeof body !== 'object') throw new Error('body not parsed');
      return c.json(await scenario.work());
    });
    const { url, server } = await new Promise<{ url: string; server: ReturnType<typeof serve> }>((resolve) => {
      const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
        resolve({ url: `http://127.0.0.1:${info.port}`, server: started }),
      );
    });
    return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  },
});
