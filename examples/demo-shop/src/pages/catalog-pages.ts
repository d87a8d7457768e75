import type { Product } from '../db/shop-store.js';
import { formatPrice, html } from './html.js';
import { type PageContext, renderLayout } from './layout.js';

function productTile(product: Product) {
  return html`<span class="tile" style="background:${product.color}" aria-hidden="true">${product.emoji}</span>`;
}

export function renderHomePage(context: PageContext, products: readonly Product[]): string {
  return renderLayout(context, {
    title: 'Shop',
    page: 'home',
    body: html`
      <section class="hero">
        <h1>Gear for the northern ridge</h1>
        <p>Small batch, built to last. <a href="/deals">Today's flash deals →</a></p>
      </section>
      <ul class="product-grid">
        ${products.map(
          (product) => html`<li>
            <a class="product-card" href="/products/${product.slug}">
              ${productTile(product)}
              <span class="name">${product.name}</span>
              <span class="price">${formatPrice(product.priceCents)}</span>
            </a>
          </li>`,
        )}
      </ul>`,
  });
}

export function renderProductPage(context: PageContext, product: Product): string {
  return renderLayout(context, {
    title: product.name,
    page: 'product',
    scripts: ['cart.js'],
    body: html`
      <article class="product">
        ${productTile(product)}
        <div>
          <h1>${product.name}</h1>
          <p>${product.description}</p>
          <p class="price">${formatPrice(product.priceCents)}</p>
          <button class="primary" id="add-to-cart" data-product-id="${product.id}">Add to cart</button>
          <p class="status" id="cart-status" role="status"></p>
        </div>
      </article>`,
  });
}

export function renderNotFoundPage(context: PageContext): string {
  return renderLayout(context, {
    title: 'Not found',
    page: 'not-found',
    body: html`<h1>Nothing here</h1><p><a href="/">Back to the shop</a></p>`,
  });
}
