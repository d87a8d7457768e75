import { join } from 'node:path';
import type { TestSightline } from './sightline.js';
import { FIXTURES_DIR, startTestHttpServer, type TestHttpServer } from './test-http-server.js';

export interface ShopAppOptions {
  /** The tag's `data-sample-rate`. @default unset (the recorder's default, 1) */
  sampleRate?: number;
  /** Where the page's third-party calls go. @default an origin that refuses (port 9, discard) */
  thirdPartyUrl?: string;
}

/**
 * `fixtures/shop` (a single-page shop with the recorder's tag pointing at `sightline`)
 * and its backend: `POST /api/orders` and `GET /api/cart`. The page's origin is not
 * Sightline's, so uploads are cross-origin as in production.
 */
export function startShopApp(sightline: TestSightline, options: ShopAppOptions = {}): Promise<TestHttpServer> {
  return startTestHttpServer({
    staticDir: join(FIXTURES_DIR, 'shop'),
    spaPaths: ['/checkout'],
    vars: {
      sightlineUrl: sightline.url,
      ingestKey: sightline.ingestKey,
      thirdPartyUrl: options.thirdPartyUrl ?? 'http://127.0.0.1:9',
      // an empty attribute counts as unset
      sampleRate: options.sampleRate === undefined ? '' : String(options.sampleRate),
    },
    routes: {
      'POST /api/orders': () => ({ status: 201, body: { orderId: 'A-1042' } }),
      'GET /api/cart': () => ({
        body: {
          items: [
            { name: 'Teapot', quantity: 1 },
            { name: 'Cups', quantity: 2 },
          ],
        },
      }),
    },
  });
}
