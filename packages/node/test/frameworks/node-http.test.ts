import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { withSession } from '../../src/middleware/node/session-middleware.js';
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
const http = require('node:http') as typeof import('node:http');

describeSessionConformance('node:http', {
  otel,
  modules: { http, pg: require('pg'), pino: require('pino') },
  downstreamBaggage: true,
  async start(scenario) {
    const server = http.createServer(
      withSession(async (req, res) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (url.pathname === '/timed') {
          res.setHeader('Server-Timing', 'app;dur=1');
          res.end('ok');
          return;
        }
        if (req.method === 'POST') {
          const chunks: Buffer[] = [];
          for await (const chunk of req) chunks.push(chunk as Buffer);
          JSON.parse(Buffer.concat(chunks).toString('utf8'));
        }
        const result = await scenario.work();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(result));
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  },
});
