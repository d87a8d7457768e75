import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { makeBatch, makeSpan } from '../../../packages/server/test/support/telemetry-fixtures.js';
import { startTestServer, type TestServer } from '../../../packages/server/test/support/test-server.js';
import { chromiumSkipReason, launchChromium } from '../support/chromium.js';
import { waitFor } from '../support/poll.js';
import { countingSessionEvents } from './support/synthetic-sessions.js';
import { openViewer, type Viewer, waitForReplayText } from './support/viewer.js';

/** The user's computer clock is this far behind the server's. */
const BEHIND_MS = 120_000;
/** The request the trace answers left the browser at this moment of the replay. */
const REQUEST_AT_MS = 10_500;

describe('a session recorded on a computer whose clock is 2 minutes behind', { skip: chromiumSkipReason() }, () => {
  let sightline: TestServer;
  let browser: Browser;
  let viewer: Viewer;
  const sessionId = randomUUID();
  const checkout = makeSpan({ sessionId, name: 'POST /api/checkout' });

  before(async () => {
    sightline = await startTestServer('sqlite');
    // a minute ago by the server's clock, which the browser read as three minutes ago
    const browserStartMs = Date.now() - 60_000 - BEHIND_MS;
    const events = countingSessionEvents({
      startMs: browserStartMs,
      seconds: 30,
      href: 'https://shop.example/count',
      userId: 'late-clock',
    });
    const response = await fetch(`${sightline.url}/v1/replay?key=${encodeURIComponent(sightline.ingestKey)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // stamped by the browser's clock, like every event in it
      body: JSON.stringify({ v: 1, sessionId, seq: 0, sentAtMs: Date.now() - BEHIND_MS, events }),
    });
    assert.equal(response.status, 200);
    // the backend stamps the request by the server's clock: 2 minutes "later" than the replay
    const serverStartUs = (browserStartMs + BEHIND_MS + REQUEST_AT_MS) * 1000;
    checkout.startUs = serverStartUs;
    checkout.endUs = serverStartUs + 2_000_000;
    await sightline.server.store.insertTelemetry(sightline.server.defaultOrg.org.id, makeBatch([checkout]));
    browser = await launchChromium();
    viewer = await openViewer(browser);
  });
  after(async () => {
    await viewer?.close();
    await browser?.close();
    await sightline?.dispose();
  });

  it('shows the backend span at the moment of the replay that caused it, lit while it runs', async () => {
    const ui = viewer.page;
    // the server's estimate of the skew includes the batch's transit (ms here): the span
    // may land that much early, never late
    await ui.goto(`${sightline.url}/sessions/${sessionId}?t=${REQUEST_AT_MS + 700}`);
    await waitForReplayText(ui, '#second', 'Second 11', 'the replay at 0:11.2');
    await ui.getByTestId('tab-backend').click();
    const row = ui.locator(`[data-testid="span-row"][data-span-id="${checkout.spanId}"]`);
    await row.waitFor();
    await waitFor(async () => (await row.getAttribute('class'))?.includes('is-lit'), {
      timeoutMs: 5000,
      what: 'the checkout span lit at 0:11, while it runs',
    });
    assert.match((await ui.locator('.backend-traces').textContent()) ?? '', /Traces 1\s*0:10/);
    await viewer.screenshot('21-skewed-clock-backend');
  });

  it("the trace's 'Watch the replay' opens the replay at that moment", async () => {
    const ui = viewer.page;
    await ui.goto(`${sightline.url}/traces/${checkout.traceId}`);
    // the link gets its t once the session (and its clock offset) has loaded
    const href = await waitFor(
      async () => {
        const value = await ui.getByTestId('watch-replay').getAttribute('href');
        return value?.includes('t=') ? value : undefined;
      },
      { timeoutMs: 5000, what: "'Watch the replay' with its t" },
    );
    const t = Number(new URL(href, sightline.url).searchParams.get('t'));
    assert.ok(t > REQUEST_AT_MS - 500 && t <= REQUEST_AT_MS, `t=${t}: the request's moment, less the batch's transit`);
    assert.deepEqual(viewer.pageErrors, []);
  });
});
