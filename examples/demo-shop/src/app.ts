import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { sessionMiddleware } from '@sightline/node';
import express, { type ErrorRequestHandler, type Express, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { ShopStore } from './db/shop-store.js';
import { placeOrder } from './orders/place-order.js';
import { renderHomePage, renderNotFoundPage, renderProductPage } from './pages/catalog-pages.js';
import { renderCartPage, renderCheckoutPage } from './pages/checkout-pages.js';
import { renderDealsPage } from './pages/deals-page.js';
import type { PageContext, SightlineTag } from './pages/layout.js';
import { authorizePayment, createPaymentProviderRouter } from './payments/payment-provider.js';
import { ShopError } from './shop-error.js';
import { type DemoUser, findDemoUser, pickRandomUser, USER_COOKIE } from './users.js';

export interface ShopAppOptions {
  store: ShopStore;
  logger: Logger;
  sightline: SightlineTag;
  /** How long the fake payment provider takes to answer. */
  paymentLatencyMs: number;
}

const CART_COOKIE = 'cart_id';

/** The shop: pages rendered on the server, a small JSON API, and the fake payment provider. */
export function createShopApp(options: ShopAppOptions): Express {
  const { store, logger } = options;
  const app = express();
  // first: every span of the request, Express's own included, gets the browser's session.id
  app.use(sessionMiddleware());
  app.use('/static', express.static(resolvePublicDir()));
  app.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });
  app.use(express.json());
  app.use('/payments', createPaymentProviderRouter(options.paymentLatencyMs));

  const pageContext = (req: Request, res: Response): PageContext => {
    const cart = store.getCart(readCookie(req, CART_COOKIE) ?? '');
    return {
      user: currentUser(req, res),
      cartCount: cart?.lines.reduce((sum, line) => sum + line.quantity, 0) ?? 0,
      sightline: options.sightline,
    };
  };

  app.get('/', (req, res) => {
    res.send(renderHomePage(pageContext(req, res), store.listProducts()));
  });
  app.get('/products/:slug', (req, res) => {
    const product = store.findProduct(req.params.slug);
    if (product === undefined) res.status(404).send(renderNotFoundPage(pageContext(req, res)));
    else res.send(renderProductPage(pageContext(req, res), product));
  });
  app.get('/cart', (req, res) => {
    res.send(renderCartPage(pageContext(req, res), store.getCart(readCookie(req, CART_COOKIE) ?? '')));
  });
  app.get('/checkout', (req, res) => {
    res.send(renderCheckoutPage(pageContext(req, res), store.getCart(readCookie(req, CART_COOKIE) ?? '')));
  });
  app.get('/deals', (req, res) => {
    res.send(renderDealsPage(pageContext(req, res), store.listProducts()));
  });

  app.post('/api/cart/items', (req, res) => {
    const { productId, quantity = 1 } = (req.body ?? {}) as { productId?: unknown; quantity?: unknown };
    const product = typeof productId === 'number' ? store.findProductById(productId) : undefined;
    if (product === undefined) throw new ShopError(400, 'productId: expected the id of a product');
    if (!Number.isInteger(quantity) || (quantity as number) < 1)
      throw new ShopError(400, 'quantity: expected 1 or more');
    let cartId = readCookie(req, CART_COOKIE);
    if (cartId === undefined) {
      cartId = randomUUID();
      res.cookie(CART_COOKIE, cartId, { httpOnly: true, sameSite: 'lax', path: '/' });
    }
    store.addToCart(cartId, currentUser(req, res).id, product.id, quantity as number);
    const cart = store.getCart(cartId);
    res.status(201).json({ count: cart?.lines.reduce((sum, line) => sum + line.quantity, 0) ?? 0 });
  });

  app.post('/api/orders', async (req, res) => {
    const cartId = readCookie(req, CART_COOKIE);
    if (cartId === undefined) throw new ShopError(400, 'Your cart is empty.');
    const baseUrl = `${req.protocol}://${req.get('host')}`;
    const order = await placeOrder(
      { store, logger, authorizePayment: (amountCents, id) => authorizePayment(baseUrl, amountCents, id) },
      cartId,
    );
    // the next visit starts a new cart
    res.clearCookie(CART_COOKIE, { path: '/' });
    res.status(201).json(order);
  });

  app.use((req, res) => {
    res.status(404).send(renderNotFoundPage(pageContext(req, res)));
  });
  app.use(((error, req, res, _next) => {
    if (error instanceof ShopError) {
      res.status(error.status).json({ error: error.message });
      return;
    }
    // inside the request's context: the line carries session.id and the trace
    logger.error({ err: error }, `${req.method} ${req.originalUrl} failed: ${(error as Error).message}`);
    res.status(500).json({ error: 'Something went wrong. Please try again.' });
  }) satisfies ErrorRequestHandler);
  return app;
}

/** The signed-in user of the `demo_user` cookie; a random one (remembered) when there is none. */
function currentUser(req: Request, res: Response): DemoUser {
  const known = (res.locals.user as DemoUser | undefined) ?? findDemoUser(readCookie(req, USER_COOKIE));
  if (known !== undefined) {
    res.locals.user = known;
    return known;
  }
  const user = pickRandomUser();
  res.cookie(USER_COOKIE, user.id, { sameSite: 'lax', path: '/' });
  res.locals.user = user;
  return user;
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** The package's `public/`, whether this file runs from `src/` (tsx) or from `dist/src/`. */
function resolvePublicDir(): string {
  const fromDist = import.meta.dirname.endsWith(join('dist', 'src'));
  return join(import.meta.dirname, ...(fromDist ? ['..', '..'] : ['..']), 'public');
}
