// Smoke test of dist/sightline.js in real headless Chromium (run `npm run build` first):
//   node packages/recorder/scripts/smoke.js
// The page is served from one origin and Sightline from another, so uploads are real
// cross-origin requests. Checks that batches arrive gzip'd with masked inputs, that a
// reload continues the sequence, that a mutation storm is skipped without freezing the
// page, that an unsampled session uploads nothing until an error, and that page exit
// flushes. The browser end-to-end suite proper lives in test/e2e.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const dist = join(import.meta.dirname, '..', 'dist');
const batches = [];
let configBody = '{}';
/** Set to 503 to play a Sightline outage. */
let replayStatus = 200;

const pageHtml = (attributes) => `<!doctype html>
<html><head><title>smoke</title>
<script src="${sightlineOrigin}/sightline.js" data-key="smoke-key" ${attributes}></script>
<style>.box { padding: 4px; }</style></head>
<body>
  <h1>Checkout</h1>
  <input id="name" type="text" value="prefilled-secret">
  <input id="email" type="email">
  <input id="password" type="password">
  <textarea id="notes"></textarea>
  <select id="plan"><option>basic</option><option>pro-secret</option></select>
  <div id="editor" contenteditable="true">editable-secret</div>
  <p id="card" data-private>4111 1111 1111 1111</p>
  <div class="sightline-block" id="blocked">blocked-secret</div>
  <button id="go">Go</button>
  <ul id="list"></ul>
  <a id="next" href="/next">next</a>
  <iframe id="frame" srcdoc="<p>text-in-frame</p><input id='inner' value='frame-secret'>"></iframe>
  <div id="host"></div>
  <script>
    document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML =
      '<span>text-in-shadow</span><input value="shadow-secret">';
  </script>
</body></html>`;

let pageAttributes = '';
const pageServer = createServer((request, response) => {
  if (request.url === '/next') {
    response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>next page</p>');
    return;
  }
  response.writeHead(200, { 'content-type': 'text/html' }).end(pageHtml(pageAttributes));
});

const sightlineServer = createServer((request, response) => {
  const cors = { 'access-control-allow-origin': '*' };
  if (request.url.startsWith('/sightline.js')) {
    const file = request.url.endsWith('.map') ? 'sightline.js.map' : 'sightline.js';
    response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(dist, file)));
    return;
  }
  if (request.method === 'GET' && request.url.startsWith('/v1/config')) {
    response.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(configBody);
    return;
  }
  if (request.method === 'POST' && request.url.startsWith('/v1/replay')) {
    if (replayStatus !== 200) {
      request.resume();
      response.writeHead(replayStatus, cors).end();
      return;
    }
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const gzip = body[0] === 0x1f && body[1] === 0x8b;
      const batch = JSON.parse((gzip ? gunzipSync(body) : body).toString('utf8'));
      batches.push({ gzip, bytes: body.length, url: request.url, contentType: request.headers['content-type'], batch });
      response.writeHead(200, cors).end('{}');
    });
    return;
  }
  response.writeHead(404, cors).end();
});

const listen = (server) =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
const pagePort = await listen(pageServer);
const sightlinePort = await listen(sightlineServer);
const pageOrigin = `http://127.0.0.1:${pagePort}`;
// another origin (localhost vs 127.0.0.1): uploads are cross-origin, as in production
const sightlineOrigin = `http://localhost:${sightlinePort}`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const waitFor = async (predicate, timeoutMs, what) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (predicate()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
};
const findNode = (node, predicate) => {
  if (predicate(node)) return node;
  for (const child of node.childNodes ?? []) {
    const found = findNode(child, predicate);
    if (found) return found;
  }
  return undefined;
};
const ofSession = (sessionId) => batches.filter((entry) => entry.batch.sessionId === sessionId);
const eventsOf = (list) => list.flatMap((entry) => entry.batch.events);
const customOf = (list, tag) => eventsOf(list).filter((event) => event.type === 5 && event.data.tag === tag);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const results = [];
const check = async (name, body) => {
  try {
    await body();
    results.push(`ok   ${name}`);
  } catch (error) {
    results.push(
      `FAIL ${name}\n     ${String(error?.stack ?? error)
        .split('\n')
        .slice(0, 4)
        .join('\n     ')}`,
    );
  }
};

try {
  const context = await browser.newContext();
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error));

  await check('recorded session: gzip batches with masked inputs', async () => {
    await page.goto(pageOrigin);
    await page.fill('#name', 'typed-secret-name');
    await page.fill('#email', 'someone@example.com');
    await page.fill('#password', 'hunter2-secret');
    await page.fill('#notes', 'notes-secret');
    await page.selectOption('#plan', 'pro-secret');
    await page.click('#editor');
    await page.keyboard.type('more-secret');
    await page.click('#go');
    await waitFor(
      () => eventsOf(batches).some((event) => event.type === 3 && event.data.source === 5),
      10_000,
      'input events',
    );
    const all = batches.map((entry) => JSON.stringify(entry.batch)).join('\n');
    assert.ok(
      batches.every((entry) => entry.gzip),
      'every batch gzip-compressed',
    );
    assert.ok(
      batches.every((entry) => entry.contentType === 'text/plain;charset=UTF-8'),
      'text/plain content type',
    );
    assert.ok(
      batches.every((entry) => entry.url === '/v1/replay?key=smoke-key'),
      'key in the query',
    );
    for (const secret of [
      'typed-secret-name',
      'someone@example.com',
      'hunter2',
      'notes-secret',
      'prefilled-secret',
      'editable-secret',
      'more-secret',
      '4111',
      'blocked-secret',
    ]) {
      assert.ok(!all.includes(secret), `"${secret}" must not be uploaded`);
    }
    const first = batches[0].batch;
    assert.equal(first.v, 1);
    assert.equal(first.seq, 0);
    assert.match(first.sessionId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.ok(
      eventsOf(batches).some((event) => event.type === 2),
      'a full snapshot',
    );
    assert.equal(customOf(batches, 'sightline.session')[0]?.data.payload.sampled, 'full');
    const cookies = await context.cookies(pageOrigin);
    assert.equal(cookies.find((cookie) => cookie.name === 'sightline_sid')?.value, first.sessionId);
    assert.equal(await page.evaluate(() => window.Sightline.getSessionId()), first.sessionId);
  });

  await check('identify, track and captureNow events', async () => {
    await page.evaluate(() => {
      window.Sightline.identify('user-42', { plan: 'enterprise' });
      window.Sightline.track('checkout', { total: 12 });
      window.Sightline.captureNow('ticket-1');
    });
    await waitFor(() => customOf(batches, 'sightline.capture').length > 0, 5000, 'capture event');
    assert.equal(customOf(batches, 'sightline.identify')[0].data.payload.userId, 'user-42');
    assert.equal(customOf(batches, 'sightline.track')[0].data.payload.name, 'checkout');
  });

  await check('a reload continues the session and its seq', async () => {
    const sessionId = batches[0].batch.sessionId;
    const maxSeq = Math.max(...batches.map((entry) => entry.batch.seq));
    const before = batches.length;
    await page.reload();
    await waitFor(() => batches.length > before, 8000, 'a batch after reload');
    const after = batches.slice(before);
    assert.ok(
      after.every((entry) => entry.batch.sessionId === sessionId),
      'same session',
    );
    assert.ok(Math.min(...after.map((entry) => entry.batch.seq)) > maxSeq, 'seq continues');
  });

  await check('mutation storm: skipped, page stays responsive, re-snapshotted', async () => {
    const before = batches.length;
    // long tasks from the insertion on: the insertion itself, then whatever the recorder adds
    const longTasks = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const durations = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) durations.push(Math.round(entry.duration));
          }).observe({ type: 'longtask' });
          const fragment = document.createDocumentFragment();
          for (let index = 0; index < 50_000; index++) {
            const item = document.createElement('li');
            item.textContent = `row ${index}`;
            fragment.appendChild(item);
          }
          document.getElementById('list').appendChild(fragment);
          setTimeout(() => resolve(durations), 4000);
        }),
    );
    results.push(`     (long tasks after inserting 50,000 nodes: ${JSON.stringify(longTasks)} ms)`);
    assert.ok(
      longTasks.slice(1).every((duration) => duration < 300),
      'no freeze after the insertion',
    );
    const dropped = () => customOf(batches.slice(before), 'sightline.dropped');
    await waitFor(() => dropped().length > 0, 8000, 'a dropped event');
    assert.equal(dropped()[0].data.payload.reason, 'mutation-storm');
    const droppedAt = dropped()[0].timestamp;
    const resnapshot = () =>
      eventsOf(batches.slice(before)).find((event) => event.type === 2 && event.timestamp >= droppedAt);
    await waitFor(() => resnapshot() !== undefined, 10_000, 'a fresh snapshot');
    const stormMutation = eventsOf(batches.slice(before)).find(
      (event) => event.type === 3 && event.data.source === 0 && event.data.adds.length > 5000,
    );
    assert.equal(stormMutation, undefined, 'the storm itself is not recorded as a mutation');
    // a blocked element keeps only its class and size
    const list = findNode(resnapshot().data.node, (node) => node.tagName === 'ul');
    assert.ok(
      list.attributes.rr_height !== undefined && (list.childNodes ?? []).length === 0,
      'the storm container is a placeholder',
    );
    // recording goes on after the storm
    const count = batches.length;
    await page.fill('#name', 'after-storm');
    await waitFor(() => batches.length > count, 8000, 'batches after the storm');
  });

  await check('page exit flushes the last events', async () => {
    await sleep(5500);
    const sessionId = await page.evaluate(() => window.Sightline.getSessionId());
    await page.click('#go');
    await page.evaluate(() => window.Sightline.track('leaving', {}));
    await page.click('#next');
    const left = () =>
      customOf(ofSession(sessionId), 'sightline.track').some((event) => event.data.payload.name === 'leaving');
    await waitFor(left, 5000, 'the last batch');
  });

  await check('unsampled session: nothing until an error, then the buffer', async () => {
    const buffered = await browser.newContext();
    const tab = await buffered.newPage();
    pageAttributes = 'data-sample-rate="0"';
    await tab.goto(pageOrigin);
    const sessionId = await tab.evaluate(() => window.Sightline.getSessionId());
    await tab.fill('#name', 'x');
    await sleep(6000);
    assert.equal(ofSession(sessionId).length, 0, 'no upload while buffered');
    await tab.evaluate(() =>
      setTimeout(() => {
        throw new Error('boom');
      }, 0),
    );
    const triggered = () =>
      customOf(ofSession(sessionId), 'sightline.session').some((event) => event.data.payload.trigger === 'error');
    await waitFor(triggered, 8000, 'upload after the error');
    const uploaded = ofSession(sessionId);
    const sessions = customOf(uploaded, 'sightline.session').map((event) => event.data.payload);
    assert.ok(
      sessions.some((payload) => payload.sampled === 'buffered'),
      'the buffered start is in the buffer',
    );
    assert.ok(
      eventsOf(uploaded).some((event) => event.type === 2),
      'the buffer starts with a snapshot',
    );
    assert.ok(customOf(uploaded, 'sightline.error').length > 0, 'the error itself is uploaded');
    await buffered.close();
    pageAttributes = '';
  });

  await check('server down: batches wait, survive a reload, and arrive in order', async () => {
    const outage = await browser.newContext();
    const tab = await outage.newPage();
    replayStatus = 503;
    await tab.goto(pageOrigin);
    const sessionId = await tab.evaluate(() => window.Sightline.getSessionId());
    await tab.fill('#name', 'during-outage');
    await tab.evaluate(() => window.Sightline.track('before-reload', {}));
    await sleep(6000);
    await tab.reload();
    await tab.evaluate(() => window.Sightline.track('after-reload', {}));
    await sleep(1000);
    assert.equal(ofSession(sessionId).length, 0, 'nothing stored during the outage');
    replayStatus = 200;
    const tracked = () => customOf(ofSession(sessionId), 'sightline.track').map((event) => event.data.payload.name);
    await waitFor(
      () => tracked().includes('before-reload') && tracked().includes('after-reload'),
      40_000,
      'the backlog',
    );
    const seqs = [...new Set(ofSession(sessionId).map((entry) => entry.batch.seq))].sort((a, b) => a - b);
    assert.deepEqual(
      seqs,
      seqs.map((_, index) => index),
      'no seq lost',
    );
    await outage.close();
  });

  await check('remote config: a stricter privacy mode masks all text', async () => {
    configBody = JSON.stringify({ privacyMode: 'mask-all' });
    const strict = await browser.newContext();
    const tab = await strict.newPage();
    await tab.goto(pageOrigin);
    const sessionId = await tab.evaluate(() => window.Sightline.getSessionId());
    await waitFor(() => eventsOf(ofSession(sessionId)).some((event) => event.type === 2), 8000, 'a snapshot');
    const uploaded = JSON.stringify(ofSession(sessionId).map((entry) => entry.batch));
    assert.ok(!uploaded.includes('Checkout'), 'page text masked');
    await strict.close();
    configBody = '{}';
  });

  assert.deepEqual(
    pageErrors.filter((error) => error.message !== 'boom'),
    [],
    'the recorder threw nothing into the page',
  );
} finally {
  await browser.close();
  pageServer.close();
  sightlineServer.close();
}

process.stdout.write(`${results.join('\n')}\n${batches.length} batches received\n`);
process.exitCode = results.some((line) => line.startsWith('FAIL')) ? 1 : 0;
