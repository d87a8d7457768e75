import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { makeBatch, makeSpan } from '../../../packages/server/test/support/telemetry-fixtures.js';
import { startTestServer, type TestServer } from '../../../packages/server/test/support/test-server.js';
import { chromiumSkipReason, launchChromium } from '../support/chromium.js';
import { openViewer, type Viewer } from './support/viewer.js';

/** A batch job's trace: one root and this many children, 1 ms apart. */
const CHILDREN = 20_000;

describe('a trace of 20,000 spans', { skip: chromiumSkipReason() }, () => {
  let sightline: TestServer;
  let browser: Browser;
  let viewer: Viewer;
  const root = makeSpan({ name: 'nightly export' });

  before(async () => {
    sightline = await startTestServer('sqlite');
    const startUs = root.startUs;
    const children = Array.from({ length: CHILDREN }, (_, i) =>
      makeSpan({
        traceId: root.traceId,
        parentSpanId: root.spanId,
        name: `export row ${i}`,
        startUs: startUs + i * 1000,
        endUs: startUs + i * 1000 + 800,
      }),
    );
    const orgId = sightline.server.defaultOrg.org.id;
    await sightline.server.store.insertTelemetry(
      orgId,
      makeBatch([{ ...root, endUs: startUs + CHILDREN * 1000 }, ...children]),
    );
    browser = await launchChromium();
    viewer = await openViewer(browser);
  });
  after(async () => {
    await viewer?.close();
    await browser?.close();
    await sightline?.dispose();
  });

  it('opens with only the rows on screen in the page, and its last span is a scroll away', async () => {
    const ui = viewer.page;
    await ui.goto(`${sightline.url}/traces/${root.traceId}`);
    await ui.getByTestId('waterfall-row').first().waitFor();
    assert.match((await ui.getByTestId('waterfall-row').first().textContent()) ?? '', /nightly export/);
    const rendered = await ui.getByTestId('waterfall-row').count();
    assert.ok(rendered > 10 && rendered < 200, `${rendered} rows in the DOM for ${CHILDREN + 1} spans`);
    assert.ok((await ui.evaluate(() => document.getElementsByTagName('*').length)) < 5_000, 'the page stays small');
    await viewer.screenshot('20-large-trace');

    // the list scrolls inside its box; the last span comes into the DOM, and can be selected
    await ui.locator('.waterfall .virtual-list').evaluate((list) => {
      list.scrollTop = list.scrollHeight;
    });
    const last = ui.getByTestId('waterfall-row').filter({ hasText: `export row ${CHILDREN - 1}` });
    await last.waitFor();
    await last.click();
    await ui
      .locator('.trace-aside')
      .getByText(`export row ${CHILDREN - 1}`)
      .first()
      .waitFor();
    assert.deepEqual(viewer.pageErrors, []);
  });
});
