import type { Product } from '../db/shop-store.js';
import { formatPrice, html } from './html.js';
import { type PageContext, renderLayout } from './layout.js';

/** Deal cards on the page: enough that thrashing their layout costs hundreds of ms a frame. */
const DEAL_CARDS = 84;

/**
 * Flash deals: scenario 3, the slow page. `public/deals.js` animates the cards' "stock
 * left" bars by reading each card's size and writing its style in one loop, every
 * frame — forced synchronous layout per card — while a CSS animation of `width` makes
 * every layout expensive. The page is not frozen, just very slow.
 */
export function renderDealsPage(context: PageContext, products: readonly Product[]): string {
  const deals = Array.from({ length: DEAL_CARDS }, (_, index) => {
    const product = products[index % products.length] as Product;
    const discount = 10 + ((index * 7) % 45);
    return { product, discount, priceCents: Math.round((product.priceCents * (100 - discount)) / 100) };
  });
  return renderLayout(context, {
    title: 'Flash deals',
    page: 'deals',
    scripts: ['deals.js'],
    body: html`
      <h1>Flash deals <span class="badge pulse">⚡ ending soon</span></h1>
      <p id="deals-status" role="status">Loading today's deals…</p>
      <ul class="deal-grid">
        ${deals.map(
          (deal) => html`<li class="deal-card">
            <span class="tile small" style="background:${deal.product.color}">${deal.product.emoji}</span>
            <span class="name">${deal.product.name}</span>
            <span class="price"><s>${formatPrice(deal.product.priceCents)}</s> ${formatPrice(deal.priceCents)}</span>
            <span class="badge pulse">−${deal.discount}%</span>
            <span class="stock"><span class="stock-bar"></span></span>
            <p class="fine-print">While stock lasts. One per customer; not combinable with other offers. Ships in 2–3 days.</p>
            <a class="button" href="/products/${deal.product.slug}">View</a>
          </li>`,
        )}
      </ul>`,
  });
}
