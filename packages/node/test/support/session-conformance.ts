import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { fetchUntraced, type TestOtel, traceIdFromServerTiming } from './test-otel.js';
import { createWorkScenario, type WorkResult, type WorkScenario } from './work-scenario.js';

/**
 * One app per framework, with the same three routes:
 * - `GET /work`: `scenario.work()`, answered as JSON
 * - `POST /work`: the JSON body parsed by the framework, then `scenario.work()`
 * - `GET /timed`: sets its own `Server-Timing: app;dur=1` and answers `ok`
 */
export interface FrameworkApp {
  url: string;
  close(): Promise<void>;
}

export interface ConformanceSetup {
  otel: TestOtel;
  modules: Parameters<typeof createWorkScenario>[0];
  start(scenario: WorkScenario): Promise<FrameworkApp>;
  /**
   * Whether calls from route handlers carry `session.id` in `baggage` to downstream
   * services. The app's own spans are linked either way; a framework instrumentation that
   * runs handlers in a context it stored before the middleware ran (`@fastify/otel`)
   * needs `SessionBaggagePropagator` for the baggage.
   */
  downstreamBaggage: boolean;
}

const SESSION_ID = '7d0c6f5e-3b7a-4f7e-9a55-2f1c8f6b9e01';

/** The session contract every framework integration must keep; run by each framework's test file. */
export function describeSessionConformance(framework: string, setup: ConformanceSetup): void {
  describe(`${framework}: session.id on every span and log of a request`, () => {
    let scenario: WorkScenario;
    let app: FrameworkApp;

    before(async () => {
      scenario = await createWorkScenario(setup.modules);
      app = await setup.start(scenario);
    });

    after(async () => {
      await app.close();
      await scenario.close();
      await setup.otel.shutdown();
    });

    async function request(path: string, init: RequestInit = {}) {
      const response = await fetchUntraced(`${app.url}${path}`, init);
      assert.equal(response.status, 200, `${path} answered ${response.status}`);
      const traceId = traceIdFromServerTiming(response);
      const body = (await response.json()) as WorkResult;
      // the app's server span, and the downstream service's
      const spans = await setup.otel.traceSpans(traceId, 2);
      return { response, traceId, body, spans };
    }

    it('links every span of a request with X-Session-ID: server, framework, child, database, outgoing HTTP, downstream', async (t) => {
      const baggageBefore = scenario.downstreamBaggage.length;
      const { traceId, body, spans } = await request('/work', { headers: { 'x-session-id': SESSION_ID } });

      assert.equal(body.sessionId, SESSION_ID, 'getSessionId() in the handler');
      assertEverySpanHasSession(setup.downstreamBaggage ? spans : spans.filter(isInApp), SESSION_ID);
      assert.ok(
        spans.some((span) => span.name === 'child work'),
        'the child span is in the trace',
      );
      assert.ok(
        spans.some((span) => span.kind === SpanKind.CLIENT && span.instrumentationScope.name.includes('undici')),
        'the outgoing fetch span is in the trace',
      );
      assert.equal(spans.filter((span) => span.kind === SpanKind.SERVER).length, 2, 'app and downstream server spans');
      if (scenario.postgresSkipReason === undefined) {
        assert.ok(
          spans.some((span) => span.instrumentationScope.name.includes('pg') && span.name.startsWith('pg.query')),
          'the PostgreSQL query span is in the trace',
        );
      } else {
        t.diagnostic(`no database span: ${scenario.postgresSkipReason}`);
      }

      if (setup.downstreamBaggage) {
        const downstream = scenario.downstreamBaggage.slice(baggageBefore);
        assert.ok(
          downstream.some((header) => decodeURIComponent(header ?? '').includes(`session.id=${SESSION_ID}`)),
          `the downstream service received baggage with session.id (got ${JSON.stringify(downstream)})`,
        );
      }

      const otelLog = setup.otel
        .finishedLogs()
        .find((log) => log.body === 'work done' && log.spanContext?.traceId === traceId);
      assert.ok(otelLog, 'the OTel log record was emitted in the trace');
      assert.equal(otelLog.attributes['session.id'], SESSION_ID, 'the OTel log record carries session.id');

      const pinoLine = scenario.pinoLines.find((line) => line.msg === 'handled work' && line.trace_id === traceId);
      assert.ok(pinoLine, 'the pino line carries the trace id');
      assert.equal(pinoLine['session.id'], SESSION_ID, 'the pino line carries session.id');
      assert.match(String(pinoLine.span_id), /^[0-9a-f]{16}$/);

      const pinoRecord = setup.otel
        .finishedLogs()
        .find((log) => log.body === 'handled work' && log.spanContext?.traceId === traceId);
      assert.ok(pinoRecord, 'the pino line reached the OTel Logs SDK');
      assert.equal(pinoRecord.attributes['session.id'], SESSION_ID, 'the pino log record carries session.id');
    });

    it('links a POST whose JSON body the framework parses', async () => {
      const baggageBefore = scenario.downstreamBaggage.length;
      const { body, spans } = await request('/work', {
        method: 'POST',
        headers: { 'x-session-id': SESSION_ID, 'content-type': 'application/json' },
        body: JSON.stringify({ item: 'book', quantity: 2 }),
      });
      assert.equal(body.sessionId, SESSION_ID);
      assertEverySpanHasSession(setup.downstreamBaggage ? spans : spans.filter(isInApp), SESSION_ID);
      if (setup.downstreamBaggage) {
        const downstream = scenario.downstreamBaggage.slice(baggageBefore);
        assert.ok(downstream.some((header) => decodeURIComponent(header ?? '').includes(`session.id=${SESSION_ID}`)));
      }
    });

    const invalidIds: [string, string][] = [
      ['too short', 'abc1234'],
      ['forged markup', '<script>alert(1)</script>'],
      ['a space', 'session id 1234'],
      ['two values in one header', `${SESSION_ID}, other-session-5678`],
      ['oversized (129 characters)', 'a'.repeat(129)],
      ['oversized (8 KB)', 'b'.repeat(8192)],
    ];
    for (const [what, value] of invalidIds) {
      it(`ignores an X-Session-ID with ${what}: no attribute, no baggage, not echoed`, async () => {
        const baggageBefore = scenario.downstreamBaggage.length;
        const { response, body, spans } = await request('/work', { headers: { 'x-session-id': value } });
        assert.equal(body.sessionId, null);
        assertNoSpanHasSession(spans);
        assert.ok(!(response.headers.get('server-timing') ?? '').includes(value.slice(0, 16)));
        for (const header of scenario.downstreamBaggage.slice(baggageBefore)) {
          assert.ok(!(header ?? '').includes('session.id'), `downstream baggage: ${header}`);
        }
      });
    }

    it('adds nothing to a request without a session', async () => {
      const { body, spans } = await request('/work');
      assert.equal(body.sessionId, null);
      assertNoSpanHasSession(spans);
    });

    it('links a full-page navigation by the sightline_sid cookie', async () => {
      const navigationId = `nav:${SESSION_ID}`;
      const { body, spans } = await request('/work', {
        headers: { cookie: `theme=dark; sightline_sid=${encodeURIComponent(navigationId)}; other=1` },
      });
      assert.equal(body.sessionId, navigationId);
      assertEverySpanHasSession(setup.downstreamBaggage ? spans : spans.filter(isInApp), navigationId);
    });

    it('links a call from an upstream service by session.id in baggage', async () => {
      const { body, spans } = await request('/work', { headers: { baggage: `tenant=acme,session.id=${SESSION_ID}` } });
      assert.equal(body.sessionId, SESSION_ID);
      assertEverySpanHasSession(spans, SESSION_ID);
    });

    it("appends Server-Timing to the app's own instead of replacing it", async () => {
      const response = await fetchUntraced(`${app.url}/timed`, { headers: { 'x-session-id': SESSION_ID } });
      assert.equal(await response.text(), 'ok');
      const serverTiming = response.headers.get('server-timing') ?? '';
      assert.match(serverTiming, /app;dur=1/);
      assert.match(serverTiming, /traceparent;desc="00-[0-9a-f]{32}-[0-9a-f]{16}-01"/);
      assert.equal(serverTiming.match(/traceparent/g)?.length, 1, `one traceparent entry: ${serverTiming}`);
    });
  });
}

// the downstream service's server span (and nothing else) answers /inventory
function isInApp(span: ReadableSpan): boolean {
  return !(span.kind === SpanKind.SERVER && span.attributes['url.path'] === '/inventory');
}

function assertEverySpanHasSession(spans: ReadableSpan[], sessionId: string): void {
  assert.ok(spans.length > 0, 'the trace has spans');
  const missing = spans.filter((span) => span.attributes['session.id'] !== sessionId);
  assert.deepEqual(
    missing.map((span) => `${span.name} (${span.instrumentationScope.name})`),
    [],
    `every span carries session.id=${sessionId}`,
  );
}

function assertNoSpanHasSession(spans: ReadableSpan[]): void {
  assert.ok(spans.length > 0, 'the trace has spans');
  const stamped = spans.filter((span) => span.attributes['session.id'] !== undefined);
  assert.deepEqual(
    stamped.map((span) => `${span.name}: ${String(span.attributes['session.id'])}`),
    [],
  );
}
