import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import '../support/browser-globals.js';
import { chromiumSkipReason, launchChromium, newTestContext } from '../support/chromium.js';
import { waitFor } from '../support/poll.js';
import { assertRecorderBuilt } from '../support/recorder-bundle.js';
import { trackedNames } from '../support/replay-events.js';
import { startTestSightline, type TestSightline } from '../support/sightline.js';
import { startTestHttpServer, type TestHttpServer } from '../support/test-http-server.js';
import { openViewer, type Viewer } from './support/viewer.js';

/** The shop's order endpoint is allow-listed on the tag; its cart endpoint is not. */
function shopPage(sightline: TestSightline): string {
  return `<!doctype html><html><head><title>Orders</title>
  <script src="${sightline.url}/sightline.js" data-key="${sightline.ingestKey}" data-endpoint="${sightline.url}"
          data-capture-bodies-for="/api/orders"></script></head>
  <body><h1>Orders</h1></body></html>`;
}

describe('a request allow-listed on the script tag, in the Network panel', { skip: chromiumSkipReason() }, () => {
  let browser: Browser;
  let sightline: TestSightline;
  let shop: TestHttpServer;
  let viewer: Viewer;
  let sessionId: string;

  before(async () => {
    assertRecorderBuilt();
    [browser, sightline] = await Promise.all([launchChromium(), startTestSightline()]);
    shop = await startTestHttpServer({
      hostname: 'localhost',
      routes: {
        'GET /': () => ({ headers: { 'content-type': 'text/html; charset=utf-8' }, body: shopPage(sightline) }),
        'POST /api/orders': () => ({ status: 500, body: { error: 'UNIQUE constraint failed: orders.cart_id' } }),
        'GET /api/cart': () => ({ body: { items: 2, secret: 'cart-body-not-allow-listed' } }),
      },
    });
    const context = await newTestContext(browser);
    const page = await context.newPage();
    await page.goto(shop.url);
    sessionId = await page.evaluate(() => window.Sightline?.getSessionId() ?? '');
    await page.evaluate(async () => {
      await fetch('/api/orders', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ cartId: 'c-1', items: [{ sku: 'mug', qty: 1 }] }),
      });
      await fetch('/api/cart');
      window.Sightline?.track('requests-done');
    });
    await page.goto('about:blank');
    await waitFor(async () => trackedNames(await sightline.sessionEvents(sessionId)).includes('requests-done'), {
      timeoutMs: 15_000,
      what: 'the session stored with both requests',
    });
    await context.close();
    viewer = await openViewer(browser);
  });
  after(async () => {
    await viewer?.close();
    await browser?.close();
    await Promise.all([sightline?.dispose(), shop?.close()]);
  });

  it("shows the order's request and response bodies, and nothing of the cart's", async () => {
    const ui = viewer.page;
    await ui.goto(`${sightline.url}/sessions/${sessionId}`);
    await ui.getByTestId('tab-network').click();
    await ui.getByTestId('network-row').filter({ hasText: '/api/orders' }).click();
    const details = ui.getByTestId('network-details');
    await details.waitFor();
    const text = (await details.textContent()) ?? '';
    assert.match(text, /Request body/);
    assert.match(text, /"sku": "mug"/, 'the JSON request body, indented');
    assert.match(text, /UNIQUE constraint failed: orders\.cart_id/, 'the response body');
    assert.match(text, /content-type/i, 'the headers');
    await viewer.screenshot('22-network-details');

    await ui.getByTestId('network-row').filter({ hasText: '/api/cart' }).click();
    await waitFor(async () => (await ui.getByTestId('network-details').count()) === 0, {
      timeoutMs: 5000,
      what: 'no details for the cart request',
    });
    assert.doesNotMatch((await ui.locator('.panel-detail').textContent()) ?? '', /cart-body-not-allow-listed/);
    const stored = JSON.stringify(await sightline.sessionEvents(sessionId));
    assert.equal(stored.includes('cart-body-not-allow-listed'), false, 'the cart body never left the page');
    assert.deepEqual(viewer.pageErrors, []);
  });
});
