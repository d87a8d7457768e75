// The three origins of the capture smoke test: the page's own, an allow-listed API
// (`propagateTo`, answers CORS preflights), and a third party that must never see our
// headers. Each logs the requests it got.
import { createServer } from 'node:http';

export const DOCUMENT_TRACE = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
export const IMAGE_TRACE = '00-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-bbbbbbbbbbbbbbbb-01';
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

function readBody(request) {
  return new Promise((resolve) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString()));
  });
}

function listen(server) {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)),
  );
}

/** `pageHtml(origins)` is the document; `bundle` the built entry. */
export async function startServers({ pageHtml, bundle }) {
  const log = { page: [], allowed: [], thirdParty: [] };
  const origins = {};

  const page = createServer(async (request, response) => {
    const body = await readBody(request);
    log.page.push({ method: request.method, url: request.url, headers: request.headers, body });
    const { pathname } = new URL(request.url, 'http://page');
    if (pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html', 'server-timing': `traceparent;desc="${DOCUMENT_TRACE}"` });
      response.end(pageHtml(origins));
    } else if (pathname === '/bundle.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(bundle());
    } else if (pathname === '/pixel.png') {
      response.writeHead(200, { 'content-type': 'image/png', 'server-timing': `traceparent;desc="${IMAGE_TRACE}"` });
      response.end(PIXEL);
    } else if (pathname.startsWith('/api/echo') || pathname.startsWith('/api/details')) {
      response.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'sid=secret' });
      response.end(JSON.stringify({ method: request.method, headers: request.headers, body }));
    } else if (pathname === '/api/fail') {
      response.writeHead(503, { 'content-type': 'text/plain' });
      response.end('down');
    } else if (pathname === '/api/slow') {
      setTimeout(() => response.end('slow'), 1000);
    } else if (pathname === '/api/big') {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('x'.repeat(100_000));
    } else {
      response.writeHead(pathname === '/beacon' || pathname.startsWith('/v1/replay') ? 204 : 404);
      response.end();
    }
  });

  const allowed = createServer(async (request, response) => {
    await readBody(request);
    log.allowed.push({ method: request.method, url: request.url, headers: request.headers });
    const cors = {
      'access-control-allow-origin': request.headers.origin ?? '*',
      'access-control-allow-headers': 'x-session-id, traceparent, baggage',
      'timing-allow-origin': '*',
    };
    response.writeHead(request.method === 'OPTIONS' ? 204 : 200, cors);
    response.end(request.method === 'OPTIONS' ? undefined : JSON.stringify({ headers: request.headers }));
  });

  const thirdParty = createServer(async (request, response) => {
    await readBody(request);
    log.thirdParty.push({ method: request.method, url: request.url, headers: request.headers });
    response.writeHead(200, { 'access-control-allow-origin': '*' });
    response.end('third party');
  });

  const servers = [page, allowed, thirdParty];
  [origins.page, origins.allowed, origins.thirdParty] = await Promise.all(servers.map(listen));
  return {
    origins,
    log,
    close() {
      for (const server of servers) {
        server.closeAllConnections();
        server.close();
      }
    },
  };
}
