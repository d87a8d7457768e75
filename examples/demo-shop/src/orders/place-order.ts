import type { Logger } from 'pino';
import type { ShopStore } from '../db/shop-store.js';
import { ShopError } from '../shop-error.js';

export interface PlaceOrderDeps {
  store: ShopStore;
  logger: Logger;
  /** Charges the amount; resolves with the provider's payment id. */
  authorizePayment(amountCents: number, cartId: string): Promise<string>;
}

export interface PlacedOrder {
  orderId: number;
  totalCents: number;
}

/**
 * `POST /api/orders`: turns the cart into an order.
 *
 * Deliberately NOT idempotent — this is scenario 2, the race condition. There is no
 * idempotency key and nothing marks the cart as being ordered, so a second request for
 * the same cart (a double click on "Place order", 150 ms later) reads the same cart,
 * charges the card a second time while the first request is still waiting for the
 * payment provider, then fails on `orders.cart_id UNIQUE`: a 500, an ERROR span on the
 * INSERT and an error log, all carrying the browser's session.id.
 */
export async function placeOrder(deps: PlaceOrderDeps, cartId: string): Promise<PlacedOrder> {
  const cart = deps.store.getCart(cartId);
  if (cart === undefined || cart.lines.length === 0) throw new ShopError(400, 'Your cart is empty.');
  const paymentId = await deps.authorizePayment(cart.totalCents, cart.id);
  deps.logger.info({ cartId, paymentId, totalCents: cart.totalCents }, 'payment authorized');
  const orderId = deps.store.insertOrder({
    cartId: cart.id,
    userId: cart.userId,
    totalCents: cart.totalCents,
    paymentId,
  });
  deps.logger.info({ orderId, cartId }, 'order placed');
  return { orderId, totalCents: cart.totalCents };
}
