/**
 * Records the committed demo sessions (`fixtures/*.json`) that `npm start` loads on a
 * machine without Chromium: a throw-away Sightline and shop, the traffic generator, then
 * every session exported through the query API.
 *
 *   npm run record-fixtures -w @sightline/demo-shop
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startShopProcess } from '../src/start-shop-process.js';
import { findChromium } from '../traffic/find-chromium.js';
import { exportSession } from '../traffic/fixtures/export-session.js';
import { FIXTURES_DIR } from '../traffic/fixtures/import-fixtures.js';
import { generateTraffic } from '../traffic/generate-traffic.js';
import { createSightlineApi } from '../traffic/sightline-api.js';

interface TestServer {
  url: string;
  ingestKey: string;
  adminToken: string;
  dispose(): Promise<void>;
}

const chromiumPath = findChromium();
if (chromiumPath === undefined) {
  throw new Error('recording needs Chromium: install it (apt-get install chromium) or set CHROMIUM_PATH');
}
// the server package's own throw-away server: a temp SQLite file, known keys, silent logs
const support = (await import(
  new URL('../../../packages/server/test/support/test-server.ts', import.meta.url).href
)) as {
  startTestServer(engine: 'sqlite'): Promise<TestServer>;
};
const sightline = await support.startTestServer('sqlite');
const shop = await startShopProcess({ sightlineUrl: sightline.url, ingestKey: sightline.ingestKey });
try {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const traffic = await generateTraffic({
    shopUrl: shop.url,
    sightline: { url: sightline.url, adminToken: sightline.adminToken },
    chromiumPath,
    onProgress: log,
  });
  const api = createSightlineApi(sightline.url, sightline.adminToken);
  mkdirSync(FIXTURES_DIR, { recursive: true });
  for (const file of readdirSync(FIXTURES_DIR).filter((name) => name.endsWith('.json'))) {
    rmSync(join(FIXTURES_DIR, file));
  }
  let browsing = 0;
  let totalBytes = 0;
  for (const session of traffic.sessions) {
    const name = session.kind === 'browsing' ? `browsing-${++browsing}` : session.kind;
    const file = join(FIXTURES_DIR, `${name}.json`);
    writeFileSync(file, `${JSON.stringify(await exportSession(api, session))}\n`);
    totalBytes += statSync(file).size;
    log(`wrote ${file} (${Math.round(statSync(file).size / 1024)} KB)`);
  }
  log(`${traffic.sessions.length} fixtures, ${Math.round(totalBytes / 1024)} KB in all`);
} finally {
  await shop.stop();
  await sightline.dispose();
}
