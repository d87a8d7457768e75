import type { Cart } from '../db/shop-store.js';
import { formatPrice, html } from './html.js';
import { type PageContext, renderLayout } from './layout.js';

function cartLines(cart: Cart) {
  return html`<table class="cart-lines">
    ${cart.lines.map(
      (line) => html`<tr>
        <td>${line.product.emoji} ${line.product.name}</td>
        <td class="qty">× ${line.quantity}</td>
        <td class="amount">${formatPrice(line.product.priceCents * line.quantity)}</td>
      </tr>`,
    )}
    <tr class="total"><td>Total</td><td></td><td class="amount">${formatPrice(cart.totalCents)}</td></tr>
  </table>`;
}

export function renderCartPage(context: PageContext, cart: Cart | undefined): string {
  const empty = cart === undefined || cart.lines.length === 0;
  return renderLayout(context, {
    title: 'Cart',
    page: 'cart',
    body: html`
      <h1>Your cart</h1>
      ${
        empty
          ? html`<p>Your cart is empty. <a href="/">Find something you like.</a></p>`
          : html`${cartLines(cart)}<a class="button primary" id="go-to-checkout" href="/checkout">Checkout</a>`
      }`,
  });
}

/**
 * The checkout form. `public/checkout.js` validates it in the browser: an invalid field
 * shows a toast for 2 s and sends nothing (scenario 1, the invisible error), and the
 * "Place order" button stays enabled while the order is sent (scenario 2).
 */
export function renderCheckoutPage(context: PageContext, cart: Cart | undefined): string {
  if (cart === undefined || cart.lines.length === 0) return renderCartPage(context, cart);
  return renderLayout(context, {
    title: 'Checkout',
    page: 'checkout',
    scripts: ['checkout.js'],
    body: html`
      <h1>Checkout</h1>
      <div class="checkout">
        <form id="checkout-form" novalidate>
          <label>Full name <input name="name" autocomplete="name"></label>
          <label>Email <input name="email" type="email" autocomplete="email"></label>
          <label>Street address <input name="address" autocomplete="street-address"></label>
          <label>Postal code <input name="postalCode" inputmode="numeric" autocomplete="postal-code"></label>
          <label>Card number <input name="card" inputmode="numeric" autocomplete="cc-number" data-private></label>
          <button class="primary" id="place-order" type="submit">Place order</button>
        </form>
        <aside>${cartLines(cart)}</aside>
      </div>
      <section id="confirmation" class="confirmation" hidden></section>
      <div id="toast-host" class="toast-host" aria-live="polite"></div>`,
  });
}
