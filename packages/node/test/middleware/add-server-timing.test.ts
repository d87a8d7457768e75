import assert from 'node:assert/strict';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { addServerTimingOnHeaders } from '../../src/middleware/node/add-server-timing.js';

const ENTRY = 'traceparent;desc="00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"';

/** The Server-Timing a client receives when `respond` answers after the hook was added. */
async function serverTimingOf(respond: (res: ServerResponse) => void): Promise<string | null> {
  const server = createServer((_req, res) => {
    addServerTimingOnHeaders(res, ENTRY);
    respond(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await response.text();
    return response.headers.get('server-timing');
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('addServerTimingOnHeaders', () => {
  it('adds the entry when headers are written implicitly', async () => {
    assert.equal(await serverTimingOf((res) => res.end('ok')), ENTRY);
  });

  it('appends to a Server-Timing the app sets later with setHeader', async () => {
    const value = await serverTimingOf((res) => {
      res.setHeader('Server-Timing', 'db;dur=53');
      res.end('ok');
    });
    assert.equal(value, `db;dur=53, ${ENTRY}`);
  });

  it('appends to a Server-Timing passed to writeHead (as Fastify does)', async () => {
    const value = await serverTimingOf((res) => {
      res.writeHead(200, 'OK', { 'content-type': 'text/plain', 'Server-Timing': 'cache;desc=hit' });
      res.end('ok');
    });
    assert.equal(value, `cache;desc=hit, ${ENTRY}`);
  });

  it('adds one entry when hooked twice (middleware and the http instrumentation)', async () => {
    const value = await serverTimingOf((res) => {
      addServerTimingOnHeaders(res, ENTRY);
      res.writeHead(204);
      res.end();
    });
    assert.equal(value, ENTRY);
  });

  it('leaves a response whose headers were already sent', async () => {
    const value = await serverTimingOf((res) => {
      res.flushHeaders();
      res.end('late');
    });
    assert.equal(value, ENTRY, 'flushHeaders goes through writeHead too');
  });
});
