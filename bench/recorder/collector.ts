import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Variant, Workload } from './options.js';

const PAGE_DIR = join(import.meta.dirname, 'page');
export const RECORDER_DIST = join(import.meta.dirname, '..', '..', 'packages', 'recorder', 'dist');

/** One upload as it arrived. */
export interface Upload {
  /** The measurement it belongs to. */
  run: string;
  /** Body bytes as sent (compressed). */
  bytes: number;
  /** Decompressed bytes. */
  rawBytes: number;
  events: number;
  gzip: boolean;
  /** Decompressed bytes and events by kind (`mutation`, `mouse-move`, `sightline.network`…): where the bytes go. */
  byKind: Record<string, { events: number; rawBytes: number }>;
}

const INCREMENTAL_SOURCES = [
  'mutation',
  'mouse-move',
  'mouse-interaction',
  'scroll',
  'viewport',
  'input',
  'touch-move',
  'media',
  'style-sheet',
  'canvas',
  'font',
  'log',
  'drag',
  'style-declaration',
  'selection',
  'adopted-style-sheet',
  'custom-element',
];
const EVENT_TYPES = ['dom-content-loaded', 'load', 'full-snapshot', 'incremental', 'meta', 'custom', 'plugin'];

interface RrwebEvent {
  type: number;
  data?: { source?: number; tag?: string };
}

function kindOf(event: RrwebEvent): string {
  if (event.type === 3) return INCREMENTAL_SOURCES[event.data?.source ?? -1] ?? 'incremental';
  if (event.type === 5) return String(event.data?.tag ?? 'custom');
  return EVENT_TYPES[event.type] ?? 'other';
}

/**
 * Serves the benchmark page with one variant's recorder and collects uploads: Sightline's
 * batches (`POST /v1/replay?key=<run>`, and `GET /v1/config` answered `{}` as the real
 * server does) and bare rrweb's (`POST /bare/upload?run=<run>`). It only counts bytes, so
 * it takes as little CPU from the browser as it can; both recorders post to it alike.
 */
export interface Collector {
  url: string;
  uploads: Upload[];
  pageUrl(variant: Variant, run: string, workload: Workload): string;
  close(): Promise<void>;
}

export async function startCollector(): Promise<Collector> {
  const bareBundle = await bundleBareRrweb();
  const sightlineBundle = readFileSync(join(RECORDER_DIST, 'sightline.js'));
  const html = readFileSync(join(PAGE_DIR, 'index.html'), 'utf8');
  const workload = readFileSync(join(PAGE_DIR, 'workload.js'));
  const uploads: Upload[] = [];

  const recorderTag = (variant: Variant, run: string): string => {
    if (variant === 'bare-rrweb')
      return `<script src="/bare-rrweb.js" data-endpoint="/bare/upload?run=${run}"></script>`;
    if (variant === 'sightline') return `<script src="/sightline.js" data-key="${run}"></script>`;
    return '';
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://bench');
    const send = (status: number, type: string, body: string | Buffer) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    };
    if (request.method === 'POST') {
      const run = url.searchParams.get(url.pathname === '/v1/replay' ? 'key' : 'run') ?? '';
      readBody(request).then(
        (body) => {
          uploads.push(describeUpload(run, body));
          send(200, 'application/json', '{"stored":true}');
        },
        () => send(400, 'text/plain', 'bad body'),
      );
      return;
    }
    if (url.pathname === '/') {
      const variant = url.searchParams.get('variant') as Variant;
      const run = url.searchParams.get('run') ?? '';
      send(200, 'text/html; charset=utf-8', html.replace('<!--recorder-->', recorderTag(variant, run)));
    } else if (url.pathname === '/workload.js') send(200, 'text/javascript', workload);
    else if (url.pathname === '/bare-rrweb.js') send(200, 'text/javascript', bareBundle);
    else if (url.pathname === '/sightline.js') send(200, 'text/javascript', sightlineBundle);
    else if (url.pathname === '/v1/config') send(200, 'application/json', '{}');
    else send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    uploads,
    pageUrl: (variant, run, workload) =>
      `${url}/?variant=${variant}&run=${encodeURIComponent(run)}&workload=${workload}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function describeUpload(run: string, body: Buffer): Upload {
  const gzip = body[0] === 0x1f && body[1] === 0x8b;
  const raw = gzip ? gunzipSync(body) : body;
  const parsed = JSON.parse(raw.toString('utf8')) as RrwebEvent[] | { events: RrwebEvent[] };
  const events = Array.isArray(parsed) ? parsed : parsed.events;
  const byKind: Upload['byKind'] = {};
  for (const event of events) {
    const kind = kindOf(event);
    const entry = byKind[kind] ?? { events: 0, rawBytes: 0 };
    entry.events += 1;
    entry.rawBytes += JSON.stringify(event).length;
    byKind[kind] = entry;
  }
  return { run, bytes: body.length, rawBytes: raw.length, events: events.length, gzip, byKind };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `page/bare-rrweb.js` with `@rrweb/record`, minified as a site would ship it. */
async function bundleBareRrweb(): Promise<string> {
  const result = await build({
    entryPoints: [join(PAGE_DIR, 'bare-rrweb.js')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0]?.text ?? '';
}
