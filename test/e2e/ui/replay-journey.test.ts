import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { formatClock } from '../../../packages/ui/src/format/format-duration.js';
import '../support/browser-globals.js';
import { chromiumSkipReason, launchChromium, newTestContext } from '../support/chromium.js';
import { delay, waitFor } from '../support/poll.js';
import { assertRecorderBuilt } from '../support/recorder-bundle.js';
import { type NetworkPayload, type ReplayEvent, sightlineEvents, trackedNames } from '../support/replay-events.js';
import { startTestSightline, type TestSightline } from '../support/sightline.js';
import { SHOP_BUTTONS, SHOP_SERVICE, startTracedShop, type TracedShop } from './support/traced-shop.js';
import { openViewer, readReplay, type Viewer, waitForReplayElement, waitForReplayText } from './support/viewer.js';

interface Span {
  traceId: string;
  spanId: string;
  name: string;
  startTimeMs: number;
  endTimeMs: number;
  statusCode: string;
  sessionId: string | null;
  serviceName: string | null;
}
interface SessionSummary {
  sessionId: string;
  userId: string | null;
  startedAtMs: number;
}

/** The user the recorded session is identified as: unique, so the search finds this session only. */
const USER_ID = `ui-e2e-${randomUUID().slice(0, 8)}`;
/** The think time between two actions: the markers of the timeline stay apart. */
const PAUSE_MS = 700;

/**
 * The whole product in one journey, as a person uses it: a page with the real recorder
 * and an OTel-instrumented backend is used in Chromium, then the real UI (served by the
 * real server) is driven in another page — search, replay, markers, panels, the trace
 * view and back. Screenshots of each view go to `test-output/screenshots/`.
 */
describe('the UI on a recorded session with backend traces and logs', { skip: chromiumSkipReason() }, () => {
  let browser: Browser;
  let sightline: TestSightline;
  let shop: TracedShop;
  let viewer: Viewer;
  let ui: Page;
  let sessionId: string;
  let events: ReplayEvent[];
  let summary: SessionSummary;
  let spans: Span[];
  const shopPageErrors: string[] = [];

  before(async () => {
    assertRecorderBuilt();
    [browser, sightline] = await Promise.all([launchChromium(), startTestSightline()]);
    shop = await startTracedShop(sightline);
    await postDecoySession(sightline);

    // the user: loads the cart, pays (the backend fails), then the page crashes
    const recording = await newTestContext(browser, { viewport: { width: 1280, height: 720 } });
    const page = await recording.newPage();
    page.on('pageerror', (error) => shopPageErrors.push(error.message));
    await page.goto(shop.url);
    sessionId = await page.evaluate(() => window.Sightline?.getSessionId() ?? '');
    await page.evaluate((userId) => window.Sightline?.identify(userId, { plan: 'e2e' }), USER_ID);
    await delay(PAUSE_MS);
    await page.click(SHOP_BUTTONS.loadCart);
    await page.waitForSelector('#cart li');
    await delay(PAUSE_MS);
    await page.click(SHOP_BUTTONS.pay);
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Payment failed');
    await delay(PAUSE_MS);
    await page.click(SHOP_BUTTONS.crash);
    await waitFor(() => shopPageErrors.length > 0, { what: 'the uncaught error in the shop page' });
    await delay(PAUSE_MS);
    await page.evaluate(() => window.Sightline?.track('journey-done'));
    // closing the tab sends the last batch (the page-exit flush)
    await recording.close();
    await shop.flushTelemetry();

    events = await waitFor(
      async () => {
        const stored = await sightline.sessionEvents(sessionId);
        const network = apiCalls(stored);
        const traced = network.length === 2 && network.every((call) => call.traceId);
        return trackedNames(stored).includes('journey-done') && traced && stored;
      },
      { timeoutMs: 20_000, what: 'the whole session, API calls with their trace ids, in the stored events' },
    );
    const traceIds = apiCalls(events).map((call) => call.traceId);
    spans = await waitFor(
      async () => {
        const { body } = await sightline.api<{ traces: { traceId: string; spans: Span[] }[] }>(
          `/api/sessions/${sessionId}/traces`,
        );
        const all = body.traces.flatMap((trace) => trace.spans);
        return traceIds.every((id) => all.filter((span) => span.traceId === id).length >= 2) && all.length === 5 && all;
      },
      { timeoutMs: 15_000, what: 'the 5 spans of the two API calls under the session' },
    );
    await waitFor(
      async () =>
        (await sightline.api<{ logs: unknown[] }>(`/api/sessions/${sessionId}/logs`)).body.logs.length === 2 || false,
      { timeoutMs: 15_000, what: 'the two backend logs under the session' },
    );
    summary = (await sightline.api<SessionSummary>(`/api/sessions/${sessionId}`)).body;

    viewer = await openViewer(browser);
    ui = viewer.page;
  });

  after(async () => {
    try {
      await browser?.close();
      await shop?.close();
    } finally {
      await sightline?.dispose();
    }
  });

  it('recorded what the journey needs: one error, two traced calls, spans and logs with session.id', () => {
    assert.deepEqual(shopPageErrors, ['Checkout exploded']);
    assert.equal(sightlineEvents(events, 'error').length, 1);
    assert.deepEqual(
      apiCalls(events)
        .map((call) => [new URL(call.url).pathname, call.status])
        .sort(),
      [
        ['/api/cart', 200],
        ['/api/pay', 500],
      ],
    );
    assert.ok(spans.every((span) => span.sessionId === sessionId && span.serviceName === SHOP_SERVICE));
    assert.equal(summary.userId, USER_ID);
  });

  it('lists the sessions and filters the list down to the recorded one', async () => {
    await ui.goto(`${sightline.url}/sessions`);
    const rows = ui.getByTestId('session-row');
    await waitFor(async () => (await rows.count()) === 2, { what: 'the recorded session and the decoy listed' });
    await viewer.screenshot('01-sessions-list');

    const user = ui.getByLabel('User', { exact: true });
    await user.fill(USER_ID.slice(0, 10));
    await user.press('Enter');
    await ui.waitForURL((url) => url.searchParams.get('user') === USER_ID.slice(0, 10));
    await waitFor(async () => (await rows.count()) === 1, { what: 'one session left after filtering' });
    assert.match((await rows.first().textContent()) ?? '', new RegExp(USER_ID));
    await viewer.screenshot('02-sessions-filtered');
  });

  it('opens the session: the replay shows the recorded page', async () => {
    await ui.getByTestId('session-row').first().getByRole('link').click();
    await ui.waitForURL((url) => url.pathname === `/sessions/${sessionId}`);
    await waitForReplayElement(ui, '#title');
    assert.equal(await readReplay(ui, (doc) => doc.querySelector('#title')?.textContent), 'Traced shop');
    await viewer.screenshot('03-replay-opened');
  });

  it('plays: the replay goes through the recorded changes to the end', async () => {
    const toggle = ui.getByTestId('play-toggle');
    await toggle.click();
    await waitFor(async () => (await toggle.getAttribute('aria-label')) === 'Pause', { what: 'the player playing' });
    await waitFor(async () => (await readReplay(ui, (doc) => doc.querySelectorAll('#cart li').length)) === 2, {
      what: 'the cart items drawn by the replay',
    });
    await viewer.screenshot('04-replay-playing');
    await waitFor(async () => (await toggle.getAttribute('aria-label')) === 'Replay from the start', {
      timeoutMs: 20_000,
      what: 'the replay to reach its end',
    });
    assert.equal(await readReplay(ui, (doc) => doc.getElementById('status')?.textContent), 'About to crash');
  });

  it('an error marker opens the Console on that error, with the replay clock at its time', async () => {
    const [error] = sightlineEvents(events, 'error');
    assert.ok(error);
    const errorMs = error.timestamp - summary.startedAtMs;
    await ui.getByTestId('marker-error').click();

    await waitFor(async () => (await ui.getByTestId('tab-console').getAttribute('aria-selected')) === 'true', {
      what: 'the Console tab selected',
    });
    const selected = ui.locator('[data-testid="console-row"].is-selected');
    assert.equal(await selected.locator('.row-text').textContent(), 'Error: Checkout exploded');
    assert.equal(await selected.locator('.level').textContent(), 'uncaught');
    assert.match((await ui.getByTestId('console-detail').textContent()) ?? '', /Checkout exploded/);
    assert.equal(Number(new URL(ui.url()).searchParams.get('t')), Math.round(errorMs), 'the link is the moment');
    assert.equal(
      (await ui.getByTestId('player-clock').textContent())?.split('/')[0]?.trim(),
      formatClock(Math.floor(errorMs / 100) * 100),
    );
    await waitForReplayText(ui, '#status', 'About to crash', 'the replay showing the page when the error happened');
    await viewer.screenshot('05-error-in-console');
  });

  it("a network row's trace link opens that request's backend trace", async () => {
    const cart = apiCalls(events).find((call) => call.url.endsWith('/api/cart'));
    assert.ok(cart?.traceId);
    await ui.getByTestId('tab-network').click();
    await ui.getByTestId('network-row').filter({ hasText: '/api/cart' }).getByTestId('trace-link').click();
    await ui.waitForURL((url) => url.pathname === `/traces/${cart.traceId}`);
    await ui.getByRole('heading', { level: 1, name: 'GET /api/cart' }).waitFor();
    const waterfall = await ui.locator('.waterfall-row').allTextContents();
    for (const name of ['GET /api/cart', 'cart.lookup', 'pricing.compute']) {
      assert.ok(
        waterfall.some((row) => row.includes(name)),
        `${name} in the waterfall: ${waterfall.join(' | ')}`,
      );
    }
    await viewer.screenshot('06-trace');
  });

  it("'Watch the replay' returns to the moment the trace started, its spans in flight lit", async () => {
    const cart = apiCalls(events).find((call) => call.url.endsWith('/api/cart'));
    const traceSpans = spans.filter((span) => span.traceId === cart?.traceId);
    const root = traceSpans.find((span) => span.name === 'GET /api/cart');
    assert.ok(root);
    await ui.getByTestId('watch-replay').click();
    await ui.waitForURL((url) => url.pathname === `/sessions/${sessionId}` && url.searchParams.has('t'));
    const t = Number(new URL(ui.url()).searchParams.get('t'));
    // the first whole millisecond of the session clock at which the trace is running
    assert.equal(t, Math.ceil(root.startTimeMs - summary.startedAtMs), "t is the trace's start");

    await waitForReplayElement(ui, '#title');
    await waitForReplayText(ui, '#status', 'Loading cart…', 'the replay showing the page while the request ran');
    assert.equal(await readReplay(ui, (doc) => doc.querySelectorAll('#cart li').length), 0, 'no answer yet');

    // at t, the request is under way: the spans running then are lit, nothing else
    await ui.getByTestId('tab-backend').click();
    await ui.getByTestId('span-row').first().waitFor();
    const atStart = await waitForLitSpans(ui, spans, spansInFlight(spans, summary.startedAtMs + t));
    assert.ok(atStart.includes('GET /api/cart'), `the request's own span is lit: ${atStart.join(', ')}`);
    await viewer.screenshot('07-replay-at-trace-spans-in-flight');

    // a span row seeks to its start: the pricing step runs then, inside the request
    const pricing = traceSpans.find((span) => span.name === 'pricing.compute');
    assert.ok(pricing);
    await ui.locator(`[data-testid="span-row"][data-span-id="${pricing.spanId}"] button`).click();
    const atPricing = await waitForLitSpans(ui, spans, spansInFlight(spans, pricing.startTimeMs));
    // (the lookup may show too: OTel JS starts a span on Date.now()'s whole ms and ends it on the precise clock)
    for (const name of ['GET /api/cart', 'pricing.compute']) assert.ok(atPricing.includes(name), `${name} lit`);
    await viewer.screenshot('08-replay-span-row-seek');
  });

  it('the UI threw nothing along the way', () => {
    assert.deepEqual(viewer.pageErrors, []);
  });
});

/**
 * Names of the spans running at `epochMs` by the data (start ≤ t < end; a span shorter
 * than the 50 ms the UI keeps an instant lit never occurs here), sorted.
 */
function spansInFlight(spans: readonly Span[], epochMs: number): string[] {
  return spans
    .filter((span) => span.startTimeMs <= epochMs && epochMs < span.endTimeMs)
    .map((span) => span.name)
    .sort();
}

/** Waits until the Backend panel lights exactly the spans named `expected` (sorted); returns their names. */
async function waitForLitSpans(ui: Page, spans: readonly Span[], expected: readonly string[]): Promise<string[]> {
  let lit: string[] = [];
  await waitFor(
    async () => {
      const ids = await ui
        .locator('[data-testid="span-row"].is-lit')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-span-id')));
      lit = ids.map((id) => spans.find((span) => span.spanId === id)?.name ?? `unknown span ${id}`).sort();
      return lit.join() === expected.join();
    },
    { timeoutMs: 5000, what: `the lit spans to be [${expected.join(', ')}]` },
  ).catch((error: unknown) => {
    throw new Error(`${error instanceof Error ? error.message : String(error)}; lit: [${lit.join(', ')}]`);
  });
  return lit;
}

/** The page's calls to its own backend, as the recorder stored them. */
function apiCalls(events: readonly ReplayEvent[]): NetworkPayload[] {
  return sightlineEvents<NetworkPayload>(events, 'network')
    .map((event) => event.payload)
    .filter((payload) => new URL(payload.url).pathname.startsWith('/api/'));
}

/** Another user's session, so the search has something to filter out. */
async function postDecoySession(sightline: TestSightline): Promise<void> {
  const now = Date.now();
  const response = await fetch(`${sightline.url}/v1/replay?key=${sightline.ingestKey}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      v: 1,
      sessionId: randomUUID(),
      seq: 0,
      events: [
        { type: 4, data: { href: 'http://localhost/decoy', width: 1280, height: 720 }, timestamp: now - 5_000 },
        { type: 5, data: { tag: 'sightline.identify', payload: { userId: 'decoy-user', traits: {} } }, timestamp: now },
      ],
    }),
  });
  assert.equal(response.status, 200, await response.text());
}
