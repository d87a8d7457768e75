import { startServer } from '../../packages/server/src/server.js';
import { serveOverIpc } from './server-child.js';

/** The server under test, as `sightline start` runs it. Arguments: database, ingest key. */
serveOverIpc(async () => {
  const [db, ingestKey] = process.argv.slice(2);
  if (!db || !ingestKey) throw new Error('usage: sightline-server.ts <db> <ingest key>');
  const server = await startServer({ host: '127.0.0.1', port: 0, db, logLevel: 'silent', ingestKey });
  return { url: server.url, close: () => server.close() };
});
