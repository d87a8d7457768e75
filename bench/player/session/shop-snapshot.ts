/** rrweb-snapshot's serialized node types (`@rrweb/types` NodeType). */
const NodeType = { Document: 0, DocumentType: 1, Element: 2, Text: 3 } as const;

/** A serialized node as rrweb's full snapshot carries it. */
export interface SerializedNode {
  type: number;
  id: number;
  tagName?: string;
  attributes?: Record<string, string>;
  childNodes?: SerializedNode[];
  textContent?: string;
  isStyle?: boolean;
  name?: string;
  publicId?: string;
  systemId?: string;
}

/** The ids later events refer to, for one snapshot (a checkout snapshot gets new ids, as rrweb's do). */
export interface SnapshotIds {
  document: number;
  body: number;
  /** Product cards, their price text nodes and "Add to cart" buttons. */
  cards: number[];
  priceTexts: number[];
  addButtons: number[];
  /** The header's live ticker text, the progress bar, the cart list, the toast area, the search field, the page title text. */
  tickerText: number;
  progress: number;
  cartList: number;
  toasts: number;
  search: number;
  titleText: number;
  /** The first id free for nodes added by mutations. */
  nextFreeId: number;
}

/** What marks the end of the snapshot's body: the first frame is drawn once it is in the replay. */
export const SNAPSHOT_END_SELECTOR = '[data-bench="snapshot-end"]';

const CARD_PLACEHOLDER =
  'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" width="160" height="120"%3E%3Crect width="160" height="120" fill="%23dde3f0"/%3E%3C/svg%3E';

/**
 * A product-listing page as rrweb serializes it: head with a stylesheet of a few hundred
 * rules, a header with a live ticker, filters, a grid of `cards` product cards (about 16
 * nodes each), a cart drawer, a footer. Ids start at `firstId`.
 */
export function buildShopSnapshot(
  firstId: number,
  cards: number,
): { node: SerializedNode; ids: SnapshotIds; count: number } {
  let next = firstId;
  let count = 0;
  const id = () => {
    count += 1;
    return next++;
  };
  const text = (textContent: string): SerializedNode => ({ type: NodeType.Text, id: id(), textContent });
  const element = (
    tagName: string,
    attributes: Record<string, string>,
    ...childNodes: SerializedNode[]
  ): SerializedNode => ({
    type: NodeType.Element,
    id: id(),
    tagName,
    attributes,
    childNodes,
  });

  const documentId = id();
  const doctype: SerializedNode = { type: NodeType.DocumentType, id: id(), name: 'html', publicId: '', systemId: '' };
  const styleText: SerializedNode = { type: NodeType.Text, id: id(), textContent: buildStylesheet(), isStyle: true };
  const head = element(
    'head',
    {},
    element('meta', { charset: 'utf-8' }),
    element('title', {}, text('Catalogue — Bench shop')),
    element('style', {}, styleText),
  );

  const tickerText = text('EUR/USD 1.0842');
  const progress = element('div', { class: 'progress', style: 'width: 0%' });
  const search = element('input', { type: 'search', class: 'search', placeholder: 'Search', value: '' });
  const titleText = text('All products');
  const header = element(
    'header',
    { class: 'topbar' },
    element('a', { href: 'https://shop.example/', class: 'logo' }, text('Bench shop')),
    element(
      'nav',
      {},
      ...range(10).map((index) => element('a', { href: `https://shop.example/c/${index}` }, text(`Category ${index}`))),
    ),
    search,
    element('span', { class: 'ticker' }, tickerText),
    element('div', { class: 'progress-track' }, progress),
  );
  const filters = element(
    'aside',
    { class: 'filters' },
    ...range(30).map((index) =>
      element(
        'label',
        { class: 'filter' },
        element('input', { type: 'checkbox', value: `f${index}` }),
        text(`Filter ${index}`),
      ),
    ),
  );

  const cardIds: number[] = [];
  const priceTexts: number[] = [];
  const addButtons: number[] = [];
  const grid = element(
    'section',
    { class: 'grid' },
    ...range(cards).map((index) => {
      const price = text(`€${(9 + ((index * 37) % 190)).toFixed(2)}`);
      const button = element('button', { class: 'add', type: 'button' }, text('Add to cart'));
      const card = element(
        'article',
        { class: 'card', 'data-sku': `SKU-${1000 + index}` },
        element('img', { src: CARD_PLACEHOLDER, alt: `Product ${index}`, width: '160', height: '120' }),
        element('h3', {}, text(`Product ${index} — a useful thing`)),
        element('p', { class: 'price' }, price),
        element('span', { class: 'rating' }, text('★★★★☆')),
        button,
        element(
          'ul',
          { class: 'facts' },
          ...['In stock', 'Ships in 2 days', 'Free returns'].map((fact) => element('li', {}, text(fact))),
        ),
      );
      cardIds.push(card.id);
      priceTexts.push(price.id);
      addButtons.push(button.id);
      return card;
    }),
  );
  const cartList = element('ul', { class: 'cart-items' });
  const toasts = element('div', { class: 'toasts', role: 'status' });
  const main = element('main', {}, element('h1', {}, titleText), grid);
  const body = element(
    'body',
    {},
    header,
    filters,
    main,
    element('aside', { class: 'cart' }, element('h2', {}, text('Cart')), cartList),
    toasts,
    element(
      'footer',
      { 'data-bench': 'snapshot-end' },
      ...range(40).map((index) => element('a', { href: `https://shop.example/help/${index}` }, text(`Help ${index}`))),
    ),
  );
  const html = element('html', { lang: 'en' }, head, body);
  const node: SerializedNode = { type: NodeType.Document, id: documentId, childNodes: [doctype, html] };
  return {
    node,
    count,
    ids: {
      document: documentId,
      body: body.id,
      cards: cardIds,
      priceTexts,
      addButtons,
      tickerText: tickerText.id,
      progress: progress.id,
      cartList: cartList.id,
      toasts: toasts.id,
      search: search.id,
      titleText: titleText.id,
      nextFreeId: next,
    },
  };
}

function buildStylesheet(): string {
  const rules = [
    'body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #1d2330; background: #f6f7fb; }',
    '.topbar { display: flex; gap: 16px; align-items: center; padding: 12px 24px; background: #fff; border-bottom: 1px solid #dde; }',
    '.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 16px; padding: 16px; }',
    '.card { background: #fff; border: 1px solid #dde; border-radius: 8px; padding: 12px; }',
    '.card.is-hovered { box-shadow: 0 2px 8px rgba(0,0,0,.15); }',
    '.filters { float: left; width: 200px; padding: 16px; }',
    '.cart { position: fixed; right: 0; top: 60px; width: 240px; background: #fff; }',
    '.progress-track { width: 120px; height: 4px; background: #eee; } .progress { height: 4px; background: #4a6cf7; }',
    '.toasts { position: fixed; bottom: 16px; right: 16px; } .toast { background: #333; color: #fff; padding: 8px; }',
  ];
  // the long tail of a real app's CSS: utility classes
  for (let index = 0; index < 300; index += 1)
    rules.push(`.u-${index} { margin: ${index % 24}px; padding: ${index % 16}px; }`);
  return rules.join('\n');
}

function range(length: number): number[] {
  return Array.from({ length }, (_, index) => index);
}
