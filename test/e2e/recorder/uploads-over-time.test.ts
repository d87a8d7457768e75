import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import '../support/browser-globals.js';
import { chromiumSkipReason, launchChromium, newTestContext } from '../support/chromium.js';
import { waitFor } from '../support/poll.js';
import { assertRecorderBuilt } from '../support/recorder-bundle.js';
import {
  EventType,
  IncrementalSource,
  type ReplayEvent,
  sightlineEvents,
  trackedNames,
} from '../support/replay-events.js';
import { startShopApp } from '../support/shop-app.js';
import { startTestSightline, type TestSightline } from '../support/sightline.js';
import type { TestHttpServer } from '../support/test-http-server.js';

const OUTAGE_MS = 20_000;
/** What an unsampled session keeps and uploads on a trigger, at least. */
const BUFFER_WINDOW_MS = 60_000;

const markerNames = (events: readonly ReplayEvent[]) =>
  trackedNames(events).filter((name) => name.startsWith('marker-'));
const markersTracked = (page: Page) => page.evaluate(() => Number(document.getElementById('status')?.dataset.markers));

/** Every seq from 0 on, once: no batch missing. */
async function assertEveryBatchStoredOnce(sightline: TestSightline, sessionId: string): Promise<void> {
  const seqs = await sightline.storedSeqs(sessionId);
  assert.deepEqual(
    seqs,
    seqs.map((_, index) => index),
  );
}

// Both scenarios wait on the wall clock (an outage, a minute of buffering), so they run
// side by side, each with its own Sightline server and browser context.
describe('uploads over time', { skip: chromiumSkipReason(), concurrency: true }, () => {
  let browser: Browser;
  const cleanups: (() => Promise<void>)[] = [];

  before(async () => {
    assertRecorderBuilt();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await Promise.all(cleanups.map((cleanup) => cleanup()));
  });

  /** A Sightline server, the shop pointing at it, and a page of the shop. */
  async function openShop(sampleRate?: number): Promise<{ sightline: TestSightline; page: Page; sessionId: string }> {
    const sightline = await startTestSightline();
    cleanups.push(() => sightline.dispose());
    const app: TestHttpServer = await startShopApp(sightline, { sampleRate });
    cleanups.push(() => app.close());
    const page = await (await newTestContext(browser)).newPage();
    await page.goto(app.url);
    const sessionId = await page.evaluate(() => window.Sightline?.getSessionId() ?? '');
    assert.ok(sessionId !== '', 'the recorder started');
    return { sightline, page, sessionId };
  }

  it('loses nothing recorded while Sightline is down for 20 s', async () => {
    const { sightline, page, sessionId } = await openShop();
    await page.evaluate(() => window.shop.startMarkers());
    await waitFor(async () => markerNames(await sightline.sessionEvents(sessionId)).includes('marker-1'), {
      timeoutMs: 15_000,
      what: 'markers stored before the outage',
    });

    await sightline.takeDown();
    const downAtMs = Date.now();
    // the user goes on using the page for the whole outage; markers go on every second
    await page.click('#nav-checkout');
    while (Date.now() - downAtMs < OUTAGE_MS) {
      await page.locator('#notes').pressSequentially('typing while Sightline is down. ', { delay: 40 });
    }
    const trackedDuringOutage = await markersTracked(page);
    await sightline.bringBack();
    const backAtMs = Date.now();
    await page.waitForFunction(
      (count) => Number(document.getElementById('status')?.dataset.markers) >= count + 2,
      trackedDuringOutage,
    );
    const tracked = await page.evaluate(() => window.shop.stopMarkers());

    // the recorder retries with backoff (at most 30 s apart): the backlog arrives after the next retry
    const events = await waitFor(
      async () => {
        const stored = await sightline.sessionEvents(sessionId);
        return markerNames(stored).length >= tracked && stored;
      },
      { timeoutMs: 45_000, intervalMs: 250, what: `all ${tracked} markers after the outage` },
    );
    assert.deepEqual(
      markerNames(events),
      Array.from({ length: tracked }, (_, index) => `marker-${index}`),
      'every marker, in order, stored once',
    );
    assert.ok(tracked - trackedDuringOutage >= 2 && trackedDuringOutage >= 20, `${tracked} markers, 20+ in the outage`);
    const typedDuringOutage = events.filter(
      (event) =>
        event.type === EventType.IncrementalSnapshot &&
        event.data.source === IncrementalSource.Input &&
        event.timestamp >= downAtMs &&
        event.timestamp < backAtMs,
    );
    assert.ok(typedDuringOutage.length > 0, 'what was typed during the outage is in the replay');
    assert.deepEqual(sightlineEvents(events, 'dropped'), [], 'nothing dropped');
    assert.ok(sightline.refusedConnections > 0, 'the recorder kept trying during the outage');
    await assertEveryBatchStoredOnce(sightline, sessionId);
  });

  it('uploads nothing from an unsampled session until an error, then the 60 s before it', async () => {
    const { sightline, page, sessionId } = await openShop(0);
    await page.evaluate(() => window.shop.startMarkers());
    // over a minute of use: the rolling buffer must reach back a full window at the error
    const windowMarkers = BUFFER_WINDOW_MS / 1000 + 5;
    await page.waitForFunction(
      (count) => Number(document.getElementById('status')?.dataset.markers) >= count,
      windowMarkers,
      { timeout: BUFFER_WINDOW_MS + 20_000 },
    );
    assert.deepEqual(await sightline.sessionEvents(sessionId), [], 'nothing uploaded while unsampled');
    const { body: list } = await sightline.api<{ sessions: unknown[] }>('/api/sessions');
    assert.deepEqual(list.sessions, [], 'not even a session row');

    const errorAtMs = await page.evaluate(() => {
      window.shop.fail('checkout exploded');
      return Date.now();
    });
    const events = await waitFor(
      async () => {
        const stored = await sightline.sessionEvents(sessionId);
        return sightlineEvents(stored, 'error').length > 0 && stored;
      },
      { timeoutMs: 15_000, what: 'the buffer uploaded after the error' },
    );
    await page.evaluate(() => window.shop.stopMarkers());

    const [error] = sightlineEvents<{ message: string }>(events, 'error');
    assert.match(error?.payload.message ?? '', /checkout exploded/);
    // the session's start (`{ sampled: 'buffered' }`) is there only while the buffer still
    // reaches back to it: events before the first checkout go once the next one covers the window
    const decisions = sightlineEvents<{ sampled: string; trigger?: string }>(events, 'session').map(
      (event) => event.payload,
    );
    assert.deepEqual(decisions.at(-1), { sampled: 'full', trigger: 'error' });
    assert.ok(
      decisions.slice(0, -1).every((decision) => decision.sampled === 'buffered'),
      JSON.stringify(decisions),
    );
    // playable from its start: a checkout before any incremental event
    const indexOf = (type: number) => events.findIndex((event) => event.type === type);
    assert.ok(indexOf(EventType.Meta) < indexOf(EventType.FullSnapshot));
    assert.ok(indexOf(EventType.FullSnapshot) < indexOf(EventType.IncrementalSnapshot));
    // the minute before the error, without a gap
    const markers = sightlineEvents<{ name: string }>(events, 'track').filter((event) =>
      event.payload.name.startsWith('marker-'),
    );
    const first = Number(markers[0]?.payload.name.slice('marker-'.length));
    assert.deepEqual(
      markers.map((event) => event.payload.name),
      Array.from({ length: markers.length }, (_, index) => `marker-${first + index}`),
      'consecutive markers',
    );
    const beforeError = markers.filter((event) => event.timestamp <= errorAtMs);
    const reachMs = errorAtMs - (beforeError[0]?.timestamp ?? errorAtMs);
    assert.ok(reachMs >= BUFFER_WINDOW_MS, `the upload reaches back ${reachMs} ms before the error`);
    assert.ok(beforeError.length >= windowMarkers - 1, `${beforeError.length} markers before the error`);
    await assertEveryBatchStoredOnce(sightline, sessionId);
    // the session is recorded in full from the trigger on: the markers after the error arrive too
    const tracked = await markersTracked(page);
    await waitFor(async () => markerNames(await sightline.sessionEvents(sessionId)).length >= tracked - first, {
      timeoutMs: 15_000,
      what: 'the markers tracked after the error',
    });
  });
});
