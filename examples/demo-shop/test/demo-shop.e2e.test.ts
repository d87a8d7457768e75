import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type ShopProcess, startShopProcess } from '../src/start-shop-process.js';
import { findChromium } from '../traffic/find-chromium.js';
import { generateTraffic, type TrafficResult } from '../traffic/generate-traffic.js';
import type { ScenarioName } from '../traffic/scenarios/scenario.js';
import {
  createSightlineApi,
  type ReplayEvent,
  type SightlineApi,
  type StoredSpanView,
} from '../traffic/sightline-api.js';
import { clicksOf, type NetworkPayload, payloadsOf, readAllEvents, requestsTo } from './support/replay-events.js';
import { type SightlineTestServer, startSightlineServer } from './support/sightline-server.js';

interface Insight {
  type: string;
  timeMs: number;
  targetId?: number;
  count?: number;
  durationMs?: number;
  traceIds?: string[];
  detail?: string;
}
interface SessionDetail {
  sessionId: string;
  userId: string | null;
  hasReplay: boolean;
  errorCount: number;
  deadClickCount: number;
  doubleSubmitCount: number;
  slowFrameCount: number;
  insights: Insight[];
}
interface Recorded {
  detail: SessionDetail;
  events: ReplayEvent[];
  spans: StoredSpanView[];
}

const chromiumPath = findChromium();

/**
 * The whole demo, end to end: a Sightline server, the instrumented shop, and the traffic
 * generator driving headless Chromium as several users. For each of the article's
 * scenarios, what a developer debugging it would look for must be there.
 */
describe('demo shop: the three scenarios, recorded', {
  skip: chromiumPath === undefined ? 'no Chromium (/usr/bin/chromium, or CHROMIUM_PATH)' : false,
}, () => {
  let sightline: SightlineTestServer;
  let shop: ShopProcess;
  let api: SightlineApi;
  let traffic: TrafficResult;
  const recorded = new Map<ScenarioName, Recorded>();

  before(
    async () => {
      sightline = await startSightlineServer();
      shop = await startShopProcess({ sightlineUrl: sightline.url, ingestKey: sightline.ingestKey, port: 0 });
      api = createSightlineApi(sightline.url, sightline.adminToken);
      traffic = await generateTraffic({
        shopUrl: shop.url,
        sightline: { url: sightline.url, adminToken: sightline.adminToken },
        chromiumPath: chromiumPath as string,
      });
      for (const [name, session] of Object.entries(traffic.scenarios) as [ScenarioName, { sessionId: string }][]) {
        const detail = await readDetail(api, sightline, session.sessionId);
        const events = await readAllEvents(api, session.sessionId);
        const spans = (await api.getTraces(session.sessionId)).flatMap((trace) => trace.spans);
        recorded.set(name, { detail, events, spans });
      }
    },
    { timeout: 240_000 },
  );

  after(async () => {
    await shop?.stop();
    await sightline?.dispose();
  });

  const scenario = (name: ScenarioName) => recorded.get(name) as Recorded;

  it('finds every session through the API, with its replay and its user', async () => {
    assert.equal(traffic.sessions.length, 6);
    assert.equal(new Set(traffic.sessions.map((session) => session.sessionId)).size, 6, 'one session per user');
    for (const session of traffic.sessions) {
      const summary = await api.getSession(session.sessionId);
      assert.ok(summary, `${session.title}: the API knows session ${session.sessionId}`);
      assert.equal(summary.hasReplay, true, `${session.title}: has a replay`);
      assert.equal(summary.userId, session.userId, `${session.title}: identified`);
    }
  });

  it('puts the session id on every backend span of each scenario session', () => {
    for (const name of ['invisible-error', 'race-condition', 'slow-page'] as const) {
      const { detail, events, spans } = scenario(name);
      assert.ok(spans.length > 0, `${name}: backend spans`);
      // The session's very first document request, and the stylesheets and scripts it loads,
      // leave before the recorder has set its cookie, so no backend can tag them: Sightline
      // links those traces by the traceparent the recorder read from Server-Timing. Every
      // other trace must carry the id on every span.
      const firstLoads = new Set(
        payloadsOf<NetworkPayload>(events, 'sightline.network')
          .filter(
            (request) => (request.initiator === 'navigation' || request.initiator === 'resource') && request.traceId,
          )
          .map((request) => request.traceId),
      );
      const tagged = new Set(spans.filter((span) => span.sessionId === detail.sessionId).map((span) => span.traceId));
      const strays = spans.filter(
        (span) =>
          (tagged.has(span.traceId) || !firstLoads.has(span.traceId)) &&
          (span.sessionId !== detail.sessionId || span.attributes['session.id'] !== detail.sessionId),
      );
      assert.deepEqual(
        strays.map((span) => `${span.name} (${span.serviceName})`),
        [],
        `${name}: every span carries session.id`,
      );
      assert.ok(tagged.size > 0, `${name}: traces tagged with the session`);
    }
  });

  it('the invisible error: two clicks on "Place order", a toast, and no request', () => {
    const { detail, events } = scenario('invisible-error');
    assert.deepEqual(requestsTo(events, 'POST', '/api/orders'), [], 'the order was never sent');
    assert.equal(detail.errorCount, 0, 'no backend error either');
    const submits = clicksOf(events).slice(-2);
    assert.equal(submits.length, 2);
    assert.equal(submits[0]?.targetId, submits[1]?.targetId, 'both clicks on the same button');
    assert.ok(JSON.stringify(events).includes('Postal code must have 5 digits.'), 'the toast is in the replay');
  });

  it('the invisible error: Sightline flags the submit that sent nothing', () => {
    const { detail, events } = scenario('invisible-error');
    const submit = clicksOf(events).at(-2);
    const dead = detail.insights.filter((insight) => insight.type === 'dead-click');
    assert.ok(
      dead.some((insight) => insight.timeMs === submit?.timeMs),
      `a dead-click at the first "Place order" click: ${JSON.stringify(detail.insights)}`,
    );
    assert.ok(dead.some((insight) => insight.detail === 'form submit sent no request'));
    assert.ok(detail.deadClickCount > 0);
  });

  it('the race condition: a double click 150 ms apart, two orders, the second a 500 with its error trace', async () => {
    const { detail, events, spans } = scenario('race-condition');
    const orders = requestsTo(events, 'POST', '/api/orders').sort((a, b) => a.startMs - b.startMs);
    assert.deepEqual(
      orders.map((order) => order.status),
      [201, 500],
      'the first order succeeds, the second fails',
    );
    const [first, second] = orders as [(typeof orders)[0], (typeof orders)[0]];
    const gapMs = second.startMs - first.startMs;
    // 150 ms apart as clicked; a busy renderer can only bring them closer
    assert.ok(gapMs > 0 && gapMs <= 500, `the second request left ${gapMs} ms after the first`);

    assert.ok(second.traceId, 'the failed request is linked to its trace');
    const failedTrace = spans.filter((span) => span.traceId === second.traceId);
    assert.ok(
      failedTrace.some((span) => span.statusCode === 'ERROR' && span.kind === 'SERVER'),
      `the 500's trace has a server span with status ERROR: ${failedTrace.map((s) => `${s.name}:${s.statusCode}`)}`,
    );
    assert.ok(
      failedTrace.some((span) => span.name === 'INSERT orders' && span.statusCode === 'ERROR'),
      'the INSERT that violated the constraint is an ERROR span',
    );
    assert.ok(
      spans.some((span) => span.traceId === first.traceId && span.statusCode !== 'ERROR' && span.kind === 'SERVER'),
      "the first order's trace is there too, without error",
    );
    const logs = await api.getLogs(detail.sessionId);
    const errorLog = logs.find((log) => log.severityNumber >= 17 && log.traceId === second.traceId);
    assert.ok(errorLog, 'an error log in the failed trace');
    assert.match(errorLog.body ?? '', /UNIQUE constraint failed: orders\.cart_id/);
    assert.equal(errorLog.sessionId, detail.sessionId);
    assert.ok(detail.errorCount > 0, 'the session counts backend errors');
  });

  it('the race condition: Sightline finds the double submit and its 500 trace', () => {
    const { detail, events } = scenario('race-condition');
    const failed = requestsTo(events, 'POST', '/api/orders').find((order) => order.status === 500);
    const doubleSubmit = detail.insights.find((insight) => insight.type === 'double-submit');
    assert.ok(doubleSubmit, `a double-submit insight: ${JSON.stringify(detail.insights)}`);
    assert.equal(doubleSubmit.count, 2);
    assert.ok(
      doubleSubmit.durationMs !== undefined && doubleSubmit.durationMs > 0 && doubleSubmit.durationMs <= 500,
      `the clicks ${doubleSubmit.durationMs} ms apart`,
    );
    assert.ok(doubleSubmit.traceIds?.includes(failed?.traceId as string), 'the 500 trace is named by the insight');
    assert.equal(detail.doubleSubmitCount, 1);
  });

  it('the slow page: long animation frames of hundreds of ms, and slow-frame insights', () => {
    const { detail, events } = scenario('slow-page');
    const frames = payloadsOf<{ kind: string; durationMs: number }>(events, 'sightline.performance').filter(
      (entry) => entry.kind === 'long-animation-frame' || entry.kind === 'longtask',
    );
    const long = frames.filter((frame) => frame.durationMs >= 200);
    assert.ok(long.length >= 3, `several frames of 200 ms or more: ${frames.map((frame) => frame.durationMs)}`);
    assert.ok(detail.slowFrameCount >= 3, `slowFrameCount ${detail.slowFrameCount}`);
    assert.ok(detail.insights.filter((insight) => insight.type === 'slow-frame').length >= 3);
  });
});

async function readDetail(api: SightlineApi, server: SightlineTestServer, sessionId: string): Promise<SessionDetail> {
  const response = await fetch(`${api.url}/api/sessions/${encodeURIComponent(sessionId)}`, {
    headers: { authorization: `Bearer ${server.adminToken}` },
  });
  assert.equal(response.status, 200);
  return (await response.json()) as SessionDetail;
}
