/**
 * The shop's process. Start it instrumented, the way an ESM app is:
 *
 *   SIGHTLINE_ENDPOINT=http://127.0.0.1:4318 SIGHTLINE_INGEST_KEY=sl_ingest_… OTEL_SERVICE_NAME=demo-shop \
 *   node --import @sightline/node/register dist/src/main.js
 *
 * (`start-shop-process.ts` does exactly that.) When listening it tells its parent
 * `{ type: 'listening', url }` over IPC, and prints the URL.
 */
import type { AddressInfo } from 'node:net';
import { sightlinePinoMixin } from '@sightline/node';
import { registerSightline } from '@sightline/node/sdk';
import { pino } from 'pino';
import { createShopApp } from './app.js';
import { readShopConfig } from './config.js';
import { openDatabase } from './db/open-database.js';
import { createShopStore } from './db/shop-store.js';

const config = readShopConfig();
// every line written inside a request carries session.id, trace_id and span_id
const logger = pino({ level: config.logLevel, mixin: sightlinePinoMixin });
const db = openDatabase();
const app = createShopApp({
  store: createShopStore(db),
  logger,
  sightline: { url: config.sightlineUrl, ingestKey: config.ingestKey },
  paymentLatencyMs: config.paymentLatencyMs,
});

const server = app.listen(config.port, config.host);
server.once('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EADDRINUSE' || config.port === 0) throw error;
  logger.warn(`port ${config.port} is taken; listening on a free port instead`);
  server.listen(0, config.host);
});
server.on('listening', () => {
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host}:${port}`;
  logger.info({ url }, 'demo shop listening');
  process.send?.({ type: 'listening', url });
});

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeAllConnections();
  db.close();
  // the preload's registration: send the last spans and logs before exiting
  void registerSightline()
    .shutdown()
    .finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.on('disconnect', stop);
