import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import '../support/browser-globals.js';
import { chromiumSkipReason, launchChromium, newTestContext } from '../support/chromium.js';
import { waitFor } from '../support/poll.js';
import { assertRecorderBuilt } from '../support/recorder-bundle.js';
import { EventType, type NetworkPayload, sightlineEvents, trackedNames } from '../support/replay-events.js';
import { replayToEnd } from '../support/replay-player.js';
import { startShopApp } from '../support/shop-app.js';
import { startTestSightline, type TestSightline } from '../support/sightline.js';
import { startTestHttpServer, type TestHttpServer } from '../support/test-http-server.js';

/** What the user types into the shop; none of it may reach Sightline. */
const TYPED = {
  name: 'Ottoline Secretname',
  email: 'ottoline.secret@example.org',
  password: 'hunter2-Pa55word!',
  card: '4242 4242 4242 4242',
  notes: 'leave-at-door-secret-note',
  gift: 'shadow-gift-secret-message',
  question: 'iframe-secret-question',
};
/** In the shop's markup: a prefilled field, a `data-private` text, the two blocked regions. */
const ON_THE_PAGE = [
  'prefilled-coupon-secret',
  'DE89370400440532013000',
  'blocked-sightline-7351',
  'blocked-qorrelate-9920',
];
const SECRETS = [...Object.values(TYPED), '4242424242424242', ...ON_THE_PAGE];

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;

/** Rendered text compared without layout whitespace. */
const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();
/** rrweb's text mask: every non-space character becomes `*`. */
const maskText = (text: string) => text.replace(/\S/g, '*');
/** The recorder's input mask: one `*` per character, spaces too. */
const maskInput = (value: string) => '*'.repeat(value.length);

type ShopView = ReturnType<typeof readShop>;

/**
 * What a viewer sees of the shop in `doc`, the live page or its replay. Runs in the
 * browser (passed to `evaluate`, so it refers to nothing outside itself). `innerText`
 * on purpose: the rendered text, what a person watching sees.
 */
function readShop(doc: Document) {
  const shadow = doc.querySelector('#delivery-widget')?.shadowRoot;
  const frame = doc.querySelector<HTMLIFrameElement>('#help-frame')?.contentDocument;
  // innerText, not textContent: the rendered text is what is compared
  const rendered = (element: HTMLElement | undefined | null) => element?.innerText ?? '';
  const fields = [...doc.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')];
  const blocked = [...doc.querySelectorAll<HTMLElement>('.sightline-block, .qorrelate-block')];
  return {
    body: rendered(doc.body),
    shadow: shadow?.querySelector('p')?.textContent ?? '',
    frame: rendered(frame?.body),
    masked: [...doc.querySelectorAll<HTMLElement>('[data-private]')].map(rendered),
    blocked: blocked.map(rendered),
    blockedChildCounts: blocked.map((element) => element.childNodes.length),
    fields: Object.fromEntries(fields.map((field) => [field.id, field.value])),
    shadowField: shadow?.querySelector('input')?.value ?? null,
    frameField: frame?.querySelector('input')?.value ?? null,
  };
}

describe('a recorded session on a real page', { skip: chromiumSkipReason() }, () => {
  let browser: Browser;
  let sightline: TestSightline;
  let app: TestHttpServer;
  let thirdParty: TestHttpServer;
  let page: Page;
  let sessionId: string;
  let original: ShopView;
  const pageErrors: string[] = [];

  before(async () => {
    assertRecorderBuilt();
    [browser, sightline, thirdParty] = await Promise.all([
      launchChromium(),
      startTestSightline(),
      // `localhost`, not 127.0.0.1: another site, as a real third party is
      startTestHttpServer({ cors: true, hostname: 'localhost' }),
    ]);
    app = await startShopApp(sightline, { thirdPartyUrl: thirdParty.url });

    page = await (await newTestContext(browser, { viewport: { width: 1280, height: 720 } })).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(app.url);
    sessionId = await page.evaluate(() => window.Sightline?.getSessionId() ?? '');

    // a client-side navigation; the user fills the checkout form, the shadow-root widget
    // and the help iframe, and places the order (fetch and XHR to the shop, three calls
    // to a third party)
    await page.click('#nav-checkout');
    await page.waitForSelector('#checkout-form');
    for (const field of ['name', 'email', 'password', 'card', 'notes', 'gift'] as const) {
      await page.locator(`#${field}`).pressSequentially(TYPED[field]);
    }
    await page.frameLocator('#help-frame').locator('#question').pressSequentially(TYPED.question);
    await page.click('#place-order');
    await page.waitForSelector('#status[data-state="ordered"]');
    await page.evaluate(() => window.Sightline?.track('scenario-done'));
    original = await (await page.evaluateHandle(() => document)).evaluate(readShop);

    // the marker is recorded after the last DOM change: once it is stored, so is the rest
    await waitFor(async () => trackedNames(await sightline.sessionEvents(sessionId)).includes('scenario-done'), {
      timeoutMs: 15_000,
      what: 'the scenario-done marker in the stored events',
    });
  });

  after(async () => {
    await browser?.close();
    await Promise.all([sightline?.dispose(), app?.close(), thirdParty?.close()]);
  });

  it('has the secrets on the page and sends the form to its backend (so their absence below means something)', () => {
    assert.equal(original.fields.password, TYPED.password);
    assert.equal(original.fields.card, TYPED.card);
    assert.equal(original.shadowField, TYPED.gift);
    assert.equal(original.frameField, TYPED.question);
    assert.ok(normalize(original.body).includes('Order A-1042 confirmed'));
    const order = app.requests.find((request) => request.path === '/api/orders');
    assert.ok(order?.body.includes(TYPED.email) && order.body.includes(TYPED.password));
  });

  it('replays the stored events (rrweb Replayer) to the same visible text, masked and blocked parts excepted', async () => {
    const events = await sightline.sessionEvents(sessionId);
    const indexOf = (type: number) => events.findIndex((event) => event.type === type);
    assert.ok(
      indexOf(EventType.Meta) < indexOf(EventType.FullSnapshot) &&
        indexOf(EventType.FullSnapshot) < indexOf(EventType.IncrementalSnapshot),
      'a Meta and a full snapshot come before the first incremental event',
    );
    assert.equal(original.masked.length, 1);
    assert.equal(original.blocked.length, 2);
    let expectedBody = original.body;
    for (const text of original.masked) expectedBody = expectedBody.replace(text, maskText(text));
    for (const text of original.blocked) expectedBody = expectedBody.replace(text, '');

    const replay = await replayToEnd(browser, events);
    try {
      // the replay's iframe is rebuilt once its document loads: wait until the text settles
      const replayed = await waitFor(
        async () => {
          const view = await replay.document.evaluate(readShop);
          return normalize(view.body) === normalize(expectedBody) && view.frame !== '' && view;
        },
        { timeoutMs: 5000, what: 'the replay to show the final page' },
      ).catch(() => replay.document.evaluate(readShop));

      assert.equal(normalize(replayed.body), normalize(expectedBody));
      assert.equal(replayed.shadow, original.shadow, 'the shadow root is replayed');
      assert.equal(normalize(replayed.frame), normalize(original.frame), 'the iframe is replayed');
      assert.deepEqual(replayed.blockedChildCounts, [0, 0], 'blocked regions are empty placeholders');
      // every field shows one `*` per character typed: masked, never blank, never clear
      assert.deepEqual(replayed.fields, {
        name: maskInput(TYPED.name),
        email: maskInput(TYPED.email),
        password: maskInput(TYPED.password),
        card: maskInput(TYPED.card),
        coupon: maskInput('prefilled-coupon-secret'),
        notes: maskInput(TYPED.notes),
      });
      assert.equal(replayed.shadowField, maskInput(TYPED.gift), 'the field inside the shadow root');
      assert.equal(replayed.frameField, maskInput(TYPED.question), 'the field inside the iframe');
    } finally {
      await replay.close();
    }
  });

  it('stores none of the typed secrets, private text or blocked text, anywhere', async () => {
    const stored = [
      ['the stored batch payloads (gunzipped)', (await sightline.storedBatchTexts(sessionId)).join('\n')],
      ['GET /api/sessions/:id/events', JSON.stringify(await sightline.sessionEvents(sessionId))],
      ['GET /api/sessions/:id', JSON.stringify((await sightline.api(`/api/sessions/${sessionId}`)).body)],
      [
        'the database files',
        sightline
          .databaseFiles()
          .map((file) => file.toString('latin1'))
          .join('\n'),
      ],
    ] as const;
    assert.ok(stored[0][1].includes('scenario-done'), 'the payloads were read');
    for (const [where, text] of stored) {
      for (const secret of SECRETS) assert.ok(!text.includes(secret), `"${secret}" found in ${where}`);
    }
  });

  it('sends X-Session-ID and a traceparent to its backend, and records that trace on the matching network event', async () => {
    const calls = app.requests.filter((request) => request.path.startsWith('/api/'));
    assert.deepEqual(
      calls.map((request) => `${request.method} ${request.path}`),
      ['POST /api/orders', 'GET /api/cart'],
    );
    const network = await waitFor(
      async () => {
        const stored = sightlineEvents<NetworkPayload>(await sightline.sessionEvents(sessionId), 'network');
        const payloads = stored.map((event) => event.payload);
        return payloads.filter((payload) => new URL(payload.url).pathname.startsWith('/api/')).length === 2 && payloads;
      },
      // a network row waits up to 1.5 s for its resource timing, then up to 5 s in a batch
      { timeoutMs: 15_000, what: 'the network events of both API calls' },
    );
    for (const call of calls) {
      assert.equal(call.headers['x-session-id'], sessionId, `${call.path}: X-Session-ID is getSessionId()`);
      assert.equal(call.headers.baggage, `session.id=${sessionId}`);
      assert.match(call.headers.cookie ?? '', new RegExp(`(^|; )sightline_sid=${sessionId}(;|$)`));
      const [, traceId, spanId] = TRACEPARENT.exec(String(call.headers.traceparent)) ?? [];
      assert.ok(traceId, `${call.path}: a W3C traceparent (got ${call.headers.traceparent})`);
      const matching = network.filter((payload) => payload.traceId === traceId);
      assert.equal(matching.length, 1, `${call.path}: one network event carries trace ${traceId}`);
      const [recorded] = matching as [NetworkPayload];
      assert.equal(recorded.method, call.method);
      assert.equal(new URL(recorded.url).pathname, call.path);
      assert.equal(recorded.spanId, spanId);
      assert.equal(recorded.initiator, call.method === 'POST' ? 'fetch' : 'xhr');
      assert.equal(recorded.requestBody, undefined, 'no body captured unless allow-listed');
    }
    const traceIds = calls.map((call) => TRACEPARENT.exec(String(call.headers.traceparent))?.[1]);
    assert.equal(new Set(traceIds).size, calls.length, 'each request has a trace of its own');
  });

  it('sends none of those headers (nor its cookie) to a third-party origin', async () => {
    await waitFor(() => thirdParty.requests.some((request) => request.path === '/beacon'), {
      what: 'the beacon to the third party',
    });
    assert.deepEqual(
      thirdParty.requests.map((request) => `${request.method} ${request.path}`).sort(),
      ['GET /pixel', 'POST /beacon', 'POST /collect'],
      'fetch, XHR and beacon, and no CORS preflight (no custom header was added)',
    );
    for (const request of thirdParty.requests) {
      for (const header of ['x-session-id', 'traceparent', 'baggage']) {
        assert.equal(request.headers[header], undefined, `${request.method} ${request.path} got ${header}`);
      }
      assert.ok(!String(request.headers.cookie ?? '').includes('sightline_sid'), `${request.path} got the cookie`);
    }
    const thirdPartyRows = await waitFor(
      async () => {
        const stored = sightlineEvents<NetworkPayload>(await sightline.sessionEvents(sessionId), 'network');
        const rows = stored.map((event) => event.payload).filter((payload) => payload.url.startsWith(thirdParty.url));
        return rows.length === 3 && rows;
      },
      { timeoutMs: 15_000, what: 'the network events of the three third-party calls' },
    );
    for (const row of thirdPartyRows) {
      assert.equal(row.traceId, undefined, `${row.url}: no trace linked to a call that carried none`);
    }
  });

  it('threw nothing into the page', () => {
    assert.deepEqual(pageErrors, []);
  });

  it('flushes the last batch when the page is closed', async () => {
    // tracked, then the tab closed at once: no batch timer can send it, only the exit path
    await page.evaluate(() => window.Sightline?.track('last-words'));
    await page.close();
    const events = await waitFor(
      async () => {
        const stored = await sightline.sessionEvents(sessionId);
        return trackedNames(stored).includes('last-words') && stored;
      },
      { timeoutMs: 5000, what: 'the event tracked just before the page closed' },
    );
    assert.equal(trackedNames(events).filter((name) => name === 'last-words').length, 1, 'stored once');
    // the marker that lets the server decide the last clicks' insights without waiting
    const left = events.filter((event) => {
      const data = event.data as { tag?: string; payload?: { kind?: string } } | undefined;
      return event.type === 5 && data?.tag === 'sightline.navigation' && data.payload?.kind === 'pagehide';
    });
    assert.equal(left.length, 1, 'the page leaving is recorded');
    assert.ok((events.at(-1)?.timestamp ?? 0) - (left[0]?.timestamp ?? 0) < 1000, 'at the end of the recording');
    const seqs = await sightline.storedSeqs(sessionId);
    assert.deepEqual(
      seqs,
      seqs.map((_, index) => index),
      'batches 0…n, none missing',
    );
  });
});
