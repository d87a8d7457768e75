import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `test/e2e/fixtures`: the pages the browser tests load, one folder per app. */
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures', import.meta.url));

/** A request as the server received it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  /** The path without the query. */
  path: string;
  /** Lower-case names, as Node gives them. */
  headers: IncomingHttpHeaders;
  body: string;
  receivedAtMs: number;
}

export interface RouteResponse {
  /** @default 200 */
  status?: number;
  headers?: Record<string, string>;
  /** Any other object than a Buffer is sent as JSON. */
  body?: string | Buffer | object;
}

export type RouteHandler = (request: RecordedRequest) => RouteResponse | Promise<RouteResponse>;

export interface TestHttpServerOptions {
  /**
   * Files served by path from this folder (`/` is `index.html`). In `.html`, `.js` and
   * `.css` files `{{name}}` is replaced by `vars.name`; an unknown name answers 500.
   */
  staticDir?: string;
  vars?: Record<string, string>;
  /** `'POST /api/orders'` (one method) or `'/api/cart'` (any method); checked before files. */
  routes?: Record<string, RouteHandler>;
  /** Paths (without query) answered with `index.html`, for a single-page app's client routes. */
  spaPaths?: string[];
  /** Answer every origin (`Access-Control-Allow-Origin: *`), as a third-party API would. @default false */
  cors?: boolean;
  /**
   * Host name in `url`; the server always listens on 127.0.0.1. `localhost` makes it
   * another *site* than a `127.0.0.1` page, so cookies are kept apart as between real
   * domains (ports alone separate origins, not cookies). @default '127.0.0.1'
   */
  hostname?: string;
}

/** A node:http server on a free port that logs every request it gets. */
export interface TestHttpServer {
  /** `http://<hostname>:<port>`, no trailing slash. */
  url: string;
  /** Every request so far, in arrival order, preflights included. */
  requests: RecordedRequest[];
  /** The template variables: change them between page loads. */
  vars: Record<string, string>;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};
const TEMPLATED = new Set(['.html', '.js', '.css']);

/**
 * Serves a fixture app (its pages and its backend routes) or plays a third party.
 *
 * @example
 * const app = await startTestHttpServer({
 *   staticDir: join(FIXTURES_DIR, 'shop'),
 *   vars: { sightlineUrl, ingestKey },
 *   routes: { 'POST /api/orders': () => ({ status: 201, body: { orderId: 'A-1' } }) },
 * });
 * await page.goto(app.url);
 */
export async function startTestHttpServer(options: TestHttpServerOptions = {}): Promise<TestHttpServer> {
  const requests: RecordedRequest[] = [];
  const vars = { ...options.vars };
  const routes = options.routes ?? {};
  const spaPaths = new Set(options.spaPaths ?? []);

  const respond = async (request: RecordedRequest): Promise<RouteResponse> => {
    const route = routes[`${request.method} ${request.path}`] ?? routes[request.path];
    if (route !== undefined) return route(request);
    if (options.cors && request.method === 'OPTIONS') return { status: 204 };
    if (options.staticDir === undefined) return { status: 200, body: 'ok' };
    const path = spaPaths.has(request.path) || request.path === '/' ? '/index.html' : request.path;
    return serveFile(options.staticDir, path, vars);
  };

  const server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch((error: unknown) => {
      if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'text/plain' });
      outgoing.end(String(error));
    });
  });

  const handle = async (incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const url = incoming.url ?? '/';
    const request: RecordedRequest = {
      method: incoming.method ?? 'GET',
      url,
      path: new URL(url, 'http://test').pathname,
      headers: incoming.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      receivedAtMs: Date.now(),
    };
    requests.push(request);
    const response = await respond(request);
    const json = typeof response.body === 'object' && !Buffer.isBuffer(response.body);
    const body = json ? JSON.stringify(response.body) : (response.body as string | Buffer | undefined);
    const headers: Record<string, string> = {
      'cache-control': 'no-store',
      ...(json ? { 'content-type': 'application/json' } : {}),
      ...(options.cors ? { 'access-control-allow-origin': '*' } : {}),
      ...response.headers,
    };
    outgoing.writeHead(response.status ?? 200, headers);
    outgoing.end(body);
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.hostname ?? '127.0.0.1'}:${port}`,
    requests,
    vars,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function serveFile(root: string, path: string, vars: Record<string, string>): Promise<RouteResponse> {
  const file = normalize(join(root, decodeURIComponent(path)));
  if (!file.startsWith(normalize(root) + sep)) return { status: 403, body: 'outside the fixture folder' };
  const extension = extname(file);
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch {
    return { status: 404, body: `no fixture ${path}` };
  }
  const headers = { 'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream' };
  if (!TEMPLATED.has(extension)) return { headers, body: content };
  let unknown: string | undefined;
  const text = content.toString('utf8').replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const value = vars[name];
    if (value === undefined) unknown ??= name;
    return value ?? '';
  });
  if (unknown !== undefined) return { status: 500, body: `${path}: no value for template variable {{${unknown}}}` };
  return { headers, body: text };
}
