// Smoke test of the network, console, error, navigation and performance captures and of
// trace propagation, in real headless Chromium:
//   node packages/recorder/scripts/dev/smoke-captures/run.js
// Serves a page from one origin, an allow-listed API from a second and a third party
// from a third; checks that only the first two receive X-Session-ID, traceparent and
// baggage, that every request becomes the right `sightline.network` event, that the
// other captures record what the page did, and that `stop` gives the page back its own
// functions — also with two recorders on one page and with a context that throws.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { DOCUMENT_TRACE, IMAGE_TRACE, startServers } from './servers.js';

const SESSION = 'session-smoke-0001';
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;

const bundled = await build({
  entryPoints: [join(import.meta.dirname, 'entry.ts')],
  bundle: true,
  format: 'iife',
  target: 'chrome120',
  write: false,
});
const bundle = bundled.outputFiles[0]?.text ?? '';

const pageHtml = (origins) => `<!doctype html><html><head>
<script>window.smokeConfig = ${JSON.stringify({ allowedOrigin: origins.allowed })};</script>
<script src="/bundle.js"></script>
<script>if (!location.search.includes('bare')) window.recorder = startCaptures(${JSON.stringify(SESSION)});</script>
</head><body><div id="main" class="card wide">hello</div><img src="/pixel.png"></body></html>`;

const servers = await startServers({ pageHtml, bundle: () => bundle });
const { origins, log } = servers;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

try {
  await checkOneRecorder();
  await checkStackedRecorders();
  process.stdout.write('capture smoke test passed\n');
} finally {
  await browser.close();
  servers.close();
}

async function checkOneRecorder() {
  const page = await browser.newPage();
  const pageMessages = watchPage(page);
  await page.goto(`${origins.page}/`);
  const seen = await page.evaluate(runScenario, origins);
  await page.click('#main');
  const { events, triggers, internalErrors } = await page.evaluate(() => window.recorder);
  const network = events.filter((event) => event.kind === 'network').map((event) => event.payload);
  const byPath = (path, initiator) =>
    network.filter((event) => new URL(event.url).pathname === path && (!initiator || event.initiator === initiator));

  // propagation: same origin and allow-listed only, merged with what the app set
  assertPropagated(seen.plain.headers);
  assert.equal(seen.plain.headers.authorization, 'Bearer s3cret', 'the app’s own headers go out untouched');
  assert.equal(seen.appBaggage.headers.baggage, `tenant=acme,session.id=${SESSION}`);
  assert.deepEqual([seen.request.method, seen.request.body], ['POST', 'hello'], 'a Request keeps method and body');
  assertPropagated(seen.request.headers);
  assert.equal(seen.arrayHeaders.headers['x-array'], '1');
  assert.equal(seen.appTrace.headers.traceparent, '00-11111111111111111111111111111111-2222222222222222-01');
  assert.equal(seen.xhr.headers.baggage, `a=1,b=2,session.id=${SESSION}`, 'XHR sends one merged baggage');
  assertPropagated(seen.xhr.headers);
  assertPropagated(seen.syncXhr.headers);
  assertPropagated(log.allowed.find((request) => request.method === 'GET').headers);
  assert.ok(log.thirdParty.length >= 2);
  for (const request of log.thirdParty) {
    assert.notEqual(request.method, 'OPTIONS', 'no preflight on a third party');
    for (const header of ['x-session-id', 'traceparent', 'baggage']) assert.equal(request.headers[header], undefined);
  }
  for (const request of log.page.filter((logged) => /^\/(v1\/replay|beacon)/.test(logged.url))) {
    assert.equal(request.headers['x-session-id'], undefined, `${request.url} carries no header`);
  }

  // every fetch/XHR row links to the trace its request carried
  for (const request of log.page.filter((logged) => logged.headers.traceparent)) {
    const [, traceId] = TRACEPARENT.exec(request.headers.traceparent) ?? [];
    assert.ok(
      network.some((event) => event.traceId === traceId),
      `a network event for ${request.method} ${request.url}`,
    );
  }
  assert.equal(byPath('/', 'navigation')[0]?.traceId, TRACEPARENT.exec(DOCUMENT_TRACE)?.[1], 'document load linked');
  assert.equal(byPath('/pixel.png', 'resource')[0]?.traceId, TRACEPARENT.exec(IMAGE_TRACE)?.[1], 'traced image linked');
  assert.equal(byPath('/v1/replay').length, 0, 'the recorder’s uploads are not recorded');
  assert.equal(byPath('/api/echo', 'fetch')[0]?.url, `${origins.page}/api/echo?token=[redacted]&x=[redacted]`);
  assert.equal(byPath('/beacon', 'beacon')[0]?.status, 204);
  assert.deepEqual(
    network
      .filter((event) => event.failed)
      .map((event) => `${event.initiator} ${event.failureReason}`)
      .sort(),
    ['fetch aborted', 'fetch network error', 'fetch timeout', 'xhr aborted', 'xhr network error', 'xhr timeout'],
  );
  assert.equal(byPath('/api/fail').length, 2);
  // failures and 5xx keep the session; the app's own aborts do not
  assert.deepEqual(triggers.filter((reason) => reason === 'failed-request').length, 6);
  assert.deepEqual(triggers.filter((reason) => reason === 'error').length, 2);

  // headers and bodies only for allow-listed URLs, secrets redacted, bodies capped
  const details = byPath('/api/details');
  assert.equal(details.length, 2);
  for (const event of details) {
    assert.equal(event.requestHeaders.authorization, '[redacted]');
    assert.ok(event.responseBody.length <= 200);
  }
  assert.equal(seen.bigLength, 100_000, 'the app reads the whole body we cloned');
  for (const event of network.filter((item) => !new URL(item.url).pathname.startsWith('/api/details'))) {
    assert.equal(event.requestHeaders, undefined);
    assert.equal(event.responseBody, undefined);
  }

  // console, errors, navigation, performance
  const payloads = (kind) => events.filter((event) => event.kind === kind).map((event) => event.payload);
  const [logged] = payloads('console');
  assert.deepEqual(logged.args.slice(0, 5), [
    'cart',
    '42',
    '{a: {b: {c: [Object]}}}',
    '{name: "c", self: [Circular]}',
    '<div#main.card.wide>',
  ]);
  assert.match(logged.args[5], /^Error: logged\n/);
  assert.equal(logged.truncated, true);
  assert.ok(payloads('console').some((payload) => payload.level === 'assert' && payload.args[1] === 'must hold'));
  assert.deepEqual(
    payloads('error').map((payload) => [payload.kind, payload.name]),
    [
      ['error', 'TypeError'],
      ['unhandledrejection', 'RangeError'],
    ],
  );
  assert.deepEqual(
    payloads('navigation').map(
      (payload) => `${payload.kind} ${new URL(payload.to).pathname}${new URL(payload.to).hash}`,
    ),
    ['load /', 'pushState /next', 'replaceState /next', 'hashchange /next#section', 'hashchange /next'],
  );
  const longFrames = payloads('performance').filter((payload) => /^long/.test(payload.kind));
  assert.ok(longFrames.some((payload) => payload.durationMs >= 200));
  assert.ok(payloads('performance').some((payload) => payload.kind === 'FCP'));
  assert.deepEqual(internalErrors, []);
  assert.deepEqual(pageMessages.unexpected(), []);

  // stop gives everything back
  const restored = await page.evaluate(async () => {
    window.recorder.stop();
    const count = window.recorder.events.length;
    const echo = await (await fetch('/api/echo')).json();
    // biome-ignore lint/suspicious/noConsole: the page logs: nothing may be recorded after stop
    console.log('after stop');
    const { natives } = window;
    return {
      same: [
        window.fetch === natives.fetch,
        XMLHttpRequest.prototype.open === natives.open,
        XMLHttpRequest.prototype.send === natives.send,
        XMLHttpRequest.prototype.setRequestHeader === natives.setRequestHeader,
        navigator.sendBeacon === natives.sendBeacon && !Object.hasOwn(navigator, 'sendBeacon'),
        // biome-ignore lint/suspicious/noConsole: checks that stop() put the page’s own method back
        console.log === natives.log,
        history.pushState === natives.pushState && !Object.hasOwn(history, 'pushState'),
      ],
      header: echo.headers['x-session-id'] ?? null,
      newEvents: window.recorder.events.length - count,
    };
  });
  assert.deepEqual(restored, { same: [true, true, true, true, true, true, true], header: null, newEvents: 0 });
  await page.close();
}

/** Runs in the page: every kind of request, log, error and navigation the captures handle. */
async function runScenario({ allowed, thirdParty }) {
  const seen = {};
  const echo = async (...args) => (await fetch(...args)).json();
  const xhr = (method, url, { headers = [], body = null, timeout = 0, abort = false, sync = false } = {}) =>
    new Promise((resolve) => {
      const request = new XMLHttpRequest();
      request.open(method, url, !sync);
      for (const [name, value] of headers) request.setRequestHeader(name, value);
      if (timeout) request.timeout = timeout;
      request.onloadend = () => resolve(request.responseText);
      request.send(body);
      if (abort) request.abort();
      if (sync) resolve(request.responseText);
    });

  seen.plain = await echo('/api/echo?token=abc&x=1', { headers: { Authorization: 'Bearer s3cret' } });
  seen.appBaggage = await echo('/api/echo', { headers: { baggage: 'tenant=acme, session.id=old' } });
  seen.request = await echo(new Request('/api/echo', { method: 'POST', body: 'hello', credentials: 'include' }));
  seen.arrayHeaders = await echo('/api/echo', { headers: [['X-Array', '1']] });
  seen.appTrace = await echo('/api/echo', {
    headers: { traceparent: '00-11111111111111111111111111111111-2222222222222222-01' },
  });
  await echo(`${allowed}/allowed`);
  await fetch(`${thirdParty}/collect?q=1`);
  await fetch('/api/fail');
  await fetch('http://127.0.0.1:1/').catch(() => {});
  const controller = new AbortController();
  const aborted = fetch('/api/slow', { signal: controller.signal }).catch(() => {});
  controller.abort();
  await aborted;
  await fetch('/api/slow', { signal: AbortSignal.timeout(50) }).catch(() => {});
  await fetch('/v1/replay?key=k', { method: 'POST', body: 'batch' });
  seen.bigLength = (await (await fetch('/api/big')).text()).length;
  await echo('/api/details?secret=1', { method: 'POST', body: '{"q":1}', headers: { Authorization: 'Bearer x' } });

  seen.xhr = JSON.parse(
    await xhr('POST', '/api/details', {
      headers: [
        ['baggage', 'a=1'],
        ['baggage', 'session.id=stale, b=2'],
        ['Authorization', 'Bearer y'],
      ],
      body: '{"q":2}',
    }),
  );
  seen.syncXhr = JSON.parse(await xhr('GET', '/api/echo', { sync: true }));
  await xhr('GET', `${thirdParty}/xhr`);
  await xhr('GET', '/api/slow', { timeout: 50 });
  await xhr('GET', '/api/slow', { abort: true });
  await xhr('GET', 'http://127.0.0.1:1/');
  await xhr('GET', '/api/fail');
  navigator.sendBeacon('/beacon?k=v', 'beacon-data');
  navigator.sendBeacon('/v1/replay?key=k', 'batch');

  const circular = { name: 'c' };
  circular.self = circular;
  // biome-ignore lint/suspicious/noConsole: the page logs: the console capture records it
  console.log(
    'cart',
    42,
    { a: { b: { c: { d: 1 } } } },
    circular,
    document.getElementById('main'),
    new Error('logged'),
  );
  // biome-ignore lint/suspicious/noConsole: the page asserts: a failed assertion is recorded
  console.assert(false, 'must hold');
  // biome-ignore lint/suspicious/noConsole: the page asserts: a passing assertion is not recorded
  console.assert(true, 'never recorded');
  setTimeout(() => {
    throw new TypeError('boom');
  });
  // biome-ignore lint/nursery/noFloatingPromises: left unhandled on purpose, the error capture records it
  Promise.reject(new RangeError('rejected'));
  await new Promise((resolve) => setTimeout(resolve, 50));

  history.pushState({}, '', '/next?tab=1');
  history.replaceState({}, '', '/next');
  history.replaceState({ same: true }, '', '/next');
  location.hash = '#section';
  await new Promise((resolve) => setTimeout(resolve, 50));
  history.back();
  await new Promise((resolve) => setTimeout(resolve, 100));

  const start = performance.now();
  while (performance.now() - start < 250) {
    // a long task on purpose
  }
  // network rows wait up to 1.5 s for their resource timing entry
  await new Promise((resolve) => setTimeout(resolve, 2000));
  return seen;
}

async function checkStackedRecorders() {
  const page = await browser.newPage();
  const pageMessages = watchPage(page);
  await page.goto(`${origins.page}/?bare`);
  const result = await page.evaluate(async () => {
    const { natives } = window;
    const a = window.startCaptures('session-aaaa-0001');
    const b = window.startCaptures('session-bbbb-0002');
    const both = await (await fetch('/api/echo', { headers: { baggage: 'k=v' } })).json();
    // a library wraps fetch over both, then the recorders stop in install order
    const underneath = window.fetch;
    window.fetch = function wrapped(...args) {
      return underneath.apply(this, args);
    };
    a.stop();
    b.stop();
    const afterStop = await (await fetch('/api/echo')).json();
    const restored = [
      XMLHttpRequest.prototype.open === natives.open,
      XMLHttpRequest.prototype.send === natives.send,
      // biome-ignore lint/suspicious/noConsole: checks that stop() put the page’s own method back
      console.log === natives.log,
      history.pushState === natives.pushState,
      window.fetch.name,
    ];
    window.fetch = natives.fetch;

    const throwing = window.startCaptures('session-cccc-0003', { throwing: true });
    const status = await fetch('/api/fail').then((response) => response.status);
    const failure = await fetch('http://127.0.0.1:1/').catch((error) => error.name);
    // biome-ignore lint/suspicious/noConsole: the page logs while the context throws
    console.log('still logs');
    history.pushState({}, '', '/elsewhere');
    await new Promise((resolve) => setTimeout(resolve, 1800));
    throwing.stop();
    return {
      both: [both.headers['x-session-id'], both.headers.baggage],
      afterStop: afterStop.headers['x-session-id'] ?? null,
      restored,
      throwing: { status, failure, reported: throwing.internalErrors.length > 0 },
    };
  });
  assert.deepEqual(
    result.both,
    ['session-bbbb-0002', 'k=v,session.id=session-bbbb-0002'],
    'one header set, consistent',
  );
  assert.equal(result.afterStop, null);
  assert.deepEqual(result.restored, [true, true, true, true, 'wrapped']);
  assert.deepEqual(result.throwing, { status: 503, failure: 'TypeError', reported: true });
  assert.deepEqual(pageMessages.unexpected(), []);
  await page.close();
}

/** Page errors and console errors we did not cause on purpose. */
function watchPage(page) {
  const messages = [];
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') messages.push(`console: ${message.text()}`);
  });
  const expected = /Failed to load resource|^pageerror: (boom|rejected)$/;
  return { unexpected: () => messages.filter((message) => !expected.test(message)) };
}

function assertPropagated(headers) {
  assert.equal(headers['x-session-id'], SESSION);
  assert.match(headers.traceparent ?? '', TRACEPARENT);
  assert.match(headers.baggage ?? '', new RegExp(`(^|,)session\\.id=${SESSION}$`));
}
