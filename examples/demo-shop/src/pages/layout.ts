import type { DemoUser } from '../users.js';
import { html, type SafeHtml, scriptJson } from './html.js';

/** Where the recorder comes from and sends to: Sightline runs on another origin than the shop. */
export interface SightlineTag {
  url: string;
  ingestKey: string;
}

export interface PageContext {
  user: DemoUser;
  cartCount: number;
  sightline: SightlineTag;
}

export interface PageContent {
  title: string;
  body: SafeHtml;
  /** Files of `public/` the page runs, after the body. */
  scripts?: string[];
  /** `data-page` on `<body>`, for styles and the traffic generator. */
  page: string;
}

/**
 * Every page: the recorder's tag first in `<head>` (not async, so `window.Sightline`
 * exists when the identify call below runs), then the shop's own markup.
 */
export function renderLayout(context: PageContext, content: PageContent): string {
  const { user, sightline } = context;
  return `<!doctype html>${html`<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${content.title} · Northridge Outfitters</title>
  <script src="${sightline.url}/sightline.js" data-key="${sightline.ingestKey}" data-endpoint="${sightline.url}"
          data-privacy-mode="mask-inputs"></script>
  <script>window.Sightline?.identify(${scriptJson(user.id)}, ${scriptJson({ name: user.name, plan: user.plan })});</script>
  <link rel="stylesheet" href="/static/styles.css">
</head>
<body data-page="${content.page}">
  <header class="site-header">
    <a class="brand" href="/">⛰️ Northridge Outfitters</a>
    <nav>
      <a href="/">Shop</a>
      <a href="/deals">Flash deals</a>
      <a href="/cart" id="cart-link">Cart (<span id="cart-count">${context.cartCount}</span>)</a>
    </nav>
    <span class="user">Signed in as ${user.name}</span>
  </header>
  <main>${content.body}</main>
  ${(content.scripts ?? []).map((file) => html`<script src="/static/${file}"></script>`)}
</body>
</html>`}`;
}
