import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadTraceRequestType } from './otlp-schema.js';
import { serveOverIpc } from './server-child.js';

/**
 * The ceiling: a bare `node:http` server that reads the body, decodes it exactly as
 * Sightline does (JSON.parse of the UTF-8 text, or protobufjs with the server's own
 * schema), throws the result away and answers 200 `{}`. No OTLP server on one core
 * can do more, since every one has to do at least this.
 */
serveOverIpc(async () => {
  const requestType = loadTraceRequestType();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      try {
        if (request.headers['content-type'] === 'application/x-protobuf') requestType.decode(body);
        else JSON.parse(body.toString('utf8'));
      } catch {
        response.writeHead(400, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
});
