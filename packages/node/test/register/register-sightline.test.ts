import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { DiagLogLevel, diag } from '@opentelemetry/api';
import { InMemoryLogRecordExporter } from '@opentelemetry/sdk-logs';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { sightlinePinoMixin } from '../../src/logs/pino-mixin.js';
import { registerSightline } from '../../src/register/register-sightline.js';
import { fetchUntraced, traceIdFromServerTiming, waitFor } from '../support/test-otel.js';

const warnings: string[] = [];
diag.setLogger(
  {
    error: () => {},
    warn: (...args: unknown[]) => void warnings.push(args.join(' ')),
    info: () => {},
    debug: () => {},
    verbose: () => {},
  },
  DiagLogLevel.WARN,
);

// the one call, before the app loads its frameworks; exporters in memory instead of OTLP
const spans = new InMemorySpanExporter();
const logs = new InMemoryLogRecordExporter();
const registration = registerSightline({ serviceName: 'orders-api', traceExporter: spans, logExporter: logs });

const require = createRequire(import.meta.url);
const express = require('express') as typeof import('express');
const { pino } = require('pino') as typeof import('pino');

const SESSION_ID = 'register-5b0a2c7e-8d1f-4c3b';

describe('registerSightline()', () => {
  let server: ReturnType<ReturnType<typeof express>['listen']>;
  let url: string;
  const pinoLines: Record<string, unknown>[] = [];

  before(async () => {
    const logger = pino(
      { mixin: sightlinePinoMixin },
      { write: (line: string) => void pinoLines.push(JSON.parse(line)) },
    );
    const app = express();
    // no sessionMiddleware at all, and a body parser first: the propagator read the session
    // before the server span started, so every span and the downstream call still get it
    app.use(express.json());
    app.get('/downstream', (req, res) => {
      res.json({ baggage: req.headers.baggage ?? null });
    });
    app.post('/orders', async (_req, res) => {
      const downstream = (await (await fetch(`${url}/downstream`)).json()) as { baggage: string | null };
      logger.info('order stored');
      res.json(downstream);
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await registration.shutdown();
  });

  it('starts the OTel Node SDK when the app has none', () => {
    assert.equal(registration.mode, 'started');
  });

  it('links every span of a request, the downstream call and its logs, with no middleware', async () => {
    const response = await fetchUntraced(`${url}/orders`, {
      method: 'POST',
      headers: { 'x-session-id': SESSION_ID, 'content-type': 'application/json' },
      body: '{"item":"book"}',
    });
    const body = (await response.json()) as { baggage: string | null };
    assert.match(decodeURIComponent(body.baggage ?? ''), new RegExp(`session\\.id=${SESSION_ID}`));
    const traceId = traceIdFromServerTiming(response);

    const inTrace = () => spans.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
    await waitFor(() => {
      void registration.forceFlush();
      return inTrace().filter((span) => span.name.startsWith('POST') || span.name.startsWith('GET /')).length >= 2;
    });
    await registration.forceFlush();
    const names = inTrace().map((span) => `${span.name} [${span.instrumentationScope.name}]`);
    assert.ok(
      names.some((name) => name.includes('jsonParser')),
      `express spans are there: ${names.join('; ')}`,
    );
    const missing = inTrace().filter((span) => span.attributes['session.id'] !== SESSION_ID);
    assert.deepEqual(
      missing.map((span) => span.name),
      [],
      `every span carries session.id: ${names.join('; ')}`,
    );
    assert.equal(inTrace()[0]?.resource.attributes['service.name'], 'orders-api');

    const line = pinoLines.find((candidate) => candidate.msg === 'order stored');
    assert.equal(line?.['session.id'], SESSION_ID);
    const record = logs.getFinishedLogRecords().find((candidate) => candidate.body === 'order stored');
    assert.equal(record?.attributes['session.id'], SESSION_ID, 'pino lines reach the OTel Logs SDK with session.id');
    assert.equal(record?.spanContext?.traceId, traceId);
  });

  it('answers every request with Server-Timing, without the middleware', async () => {
    const response = await fetchUntraced(`${url}/downstream`);
    await response.text();
    assert.match(response.headers.get('server-timing') ?? '', /^traceparent;desc="00-[0-9a-f]{32}-[0-9a-f]{16}-01"$/);
  });

  it('keeps the first setup when called again, and says so through diag', () => {
    assert.equal(registerSightline({ serviceName: 'other' }), registration);
    assert.ok(
      warnings.some((message) => message.includes('already called')),
      warnings.join('\n'),
    );
  });

  it('hands back the registration, quietly, when called again without options', () => {
    const before = warnings.length;
    assert.equal(registerSightline(), registration);
    assert.equal(warnings.length, before);
  });
});
