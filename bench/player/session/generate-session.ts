import { buildShopSnapshot, type SnapshotIds } from './shop-snapshot.js';

/** An rrweb event, as the recorder sends it. */
export interface ReplayEvent {
  type: number;
  timestamp: number;
  data: Record<string, unknown>;
}

/** What the generated session looks like. */
export interface SessionShape {
  /** @default 30 minutes */
  durationMs: number;
  /** About this many events in all (±2%). @default 50_000 */
  targetEvents: number;
  /** Product cards on the page: the full snapshot has about 16 nodes per card. @default 240 */
  cards: number;
  /** A full snapshot this often, as the recorder's `checkoutIntervalMs`. @default 5 minutes */
  checkoutEveryMs: number;
  /** A batch per this much recording, as the recorder flushes. @default 5 s */
  batchEveryMs: number;
  /** The PRNG seed: one seed, one session. @default 42 */
  seed: number;
}

export const DEFAULT_SESSION_SHAPE: SessionShape = {
  durationMs: 30 * 60_000,
  targetEvents: 50_000,
  cards: 240,
  checkoutEveryMs: 5 * 60_000,
  batchEveryMs: 5_000,
  seed: 42,
};

export interface GeneratedSession {
  startMs: number;
  /** Events in recorded order, cut into the batches the recorder would send. */
  batches: ReplayEvent[][];
  stats: {
    events: number;
    batches: number;
    snapshotNodes: number;
    fullSnapshots: number;
    /** Events per kind: `meta`, `full-snapshot`, `mutation`, `mouse-move`, `sightline.network`… */
    byKind: Record<string, number>;
  };
}

const EventType = { FullSnapshot: 2, IncrementalSnapshot: 3, Meta: 4, Custom: 5 } as const;
const Source = { Mutation: 0, MouseMove: 1, MouseInteraction: 2, Scroll: 3, ViewportResize: 4, Input: 5 } as const;
const VIEWPORT = { width: 1440, height: 900 };

/**
 * Per second of user activity, before scaling to `targetEvents`: what a person browsing a
 * shop makes rrweb record (mouse, scroll, clicks, typing, the page reacting), plus the
 * recorder's own network and console rows.
 */
const ACTIVE_RATES = {
  mouseMove: 6,
  scroll: 2.5,
  click: 0.35,
  input: 0.8,
  hover: 2,
  network: 0.6,
  console: 0.15,
} as const;

/**
 * A realistic rrweb event stream for a long shop session, built from a seeded PRNG:
 * Meta + full snapshot at the start and at every checkout, then bursts of user activity
 * (mouse moves with position samples, scrolls, clicks as down/up/click, masked typing,
 * hover restyles, cart items and toasts added and removed, price updates, SPA navigations)
 * separated by idle stretches, a ticker and a progress bar that change all along, and
 * `sightline.*` custom events (network with trace ids, console, errors, long tasks).
 */
export function generateSession(shape: SessionShape, startMs: number): GeneratedSession {
  const random = mulberry32(shape.seed);
  const events: ReplayEvent[] = [];
  const byKind: Record<string, number> = {};
  const push = (kind: string, type: number, timestamp: number, data: Record<string, unknown>) => {
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    events.push({ type, timestamp: Math.round(timestamp), data });
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  const activity = planActivity(shape.durationMs, random);
  const activeSeconds = activity.reduce((sum, [from, to]) => sum + (to - from) / 1000, 0);
  // background: ticker (1/s), progress (2/s), checkouts; the rest is spread over active time
  const background = (shape.durationMs / 1000) * 3;
  const perActiveSecond = Object.values(ACTIVE_RATES).reduce((sum, rate) => sum + rate, 0) + ACTIVE_RATES.click * 2;
  const scale = Math.max(0.1, (shape.targetEvents - background) / (activeSeconds * perActiveSecond * 1.08));

  let snapshotNodes = 0;
  let fullSnapshots = 0;
  let ids: SnapshotIds = buildShopSnapshot(1, shape.cards).ids;
  let nextId = 0;
  let cartItems: number[] = [];
  let scrollY = 0;
  let path = '/catalogue';

  const checkout = (at: number) => {
    const built = buildShopSnapshot(1 + fullSnapshots * 100_000, shape.cards);
    ids = built.ids;
    nextId = ids.nextFreeId;
    cartItems = [];
    snapshotNodes = built.count;
    fullSnapshots += 1;
    push('meta', EventType.Meta, at, { href: `https://shop.example${path}`, ...VIEWPORT });
    push('full-snapshot', EventType.FullSnapshot, at, { node: built.node, initialOffset: { left: 0, top: scrollY } });
  };
  const mutation = (
    kind: string,
    at: number,
    change: Partial<Record<'texts' | 'attributes' | 'removes' | 'adds', unknown[]>>,
  ) =>
    push(kind, EventType.IncrementalSnapshot, at, {
      source: Source.Mutation,
      texts: change.texts ?? [],
      attributes: change.attributes ?? [],
      removes: change.removes ?? [],
      adds: change.adds ?? [],
    });
  const custom = (tag: string, at: number, payload: Record<string, unknown>) =>
    push(`sightline.${tag}`, EventType.Custom, at, { tag: `sightline.${tag}`, payload });

  // every generator below yields [time, emit] pairs; they are merged in time order
  const timeline: [number, () => void][] = [];
  const every = (fromMs: number, toMs: number, rate: number, emit: (at: number) => void) => {
    if (rate <= 0) return;
    const mean = 1000 / rate;
    for (let at = fromMs + random() * mean; at < toMs; at += mean * (0.5 + random())) {
      const time = at;
      timeline.push([time, () => emit(time)]);
    }
  };

  for (let at = 0; at < shape.durationMs; at += shape.checkoutEveryMs)
    timeline.push([at, () => checkout(startMs + at)]);
  timeline.push([1, () => custom('session', startMs + 1, { sampled: 'full' })]);
  every(0, shape.durationMs, 1, (at) =>
    mutation('mutation', startMs + at, {
      texts: [{ id: ids.tickerText, value: `EUR/USD ${(1.08 + random() / 100).toFixed(4)}` }],
    }),
  );
  every(0, shape.durationMs, 2, (at) =>
    mutation('mutation', startMs + at, {
      attributes: [{ id: ids.progress, attributes: { style: `width: ${Math.round((at / 100) % 100)}%` } }],
    }),
  );

  for (const [from, to] of activity) {
    every(from, to, ACTIVE_RATES.mouseMove * scale, (at) => {
      const positions = Array.from({ length: 1 + Math.floor(random() * 8) }, (_, index) => ({
        x: Math.round(random() * VIEWPORT.width),
        y: Math.round(random() * VIEWPORT.height),
        id: pick(ids.cards),
        timeOffset: -index * 50,
      }));
      push('mouse-move', EventType.IncrementalSnapshot, startMs + at, { source: Source.MouseMove, positions });
    });
    every(from, to, ACTIVE_RATES.scroll * scale, (at) => {
      scrollY = Math.max(0, Math.min(4000, scrollY + Math.round((random() - 0.4) * 400)));
      push('scroll', EventType.IncrementalSnapshot, startMs + at, {
        source: Source.Scroll,
        id: ids.document,
        x: 0,
        y: scrollY,
      });
    });
    every(from, to, ACTIVE_RATES.hover * scale, (at) => {
      const card = pick(ids.cards);
      mutation('mutation', startMs + at, {
        attributes: [{ id: card, attributes: { class: random() < 0.5 ? 'card is-hovered' : 'card' } }],
      });
    });
    every(from, to, ACTIVE_RATES.input * scale, (at) => {
      const length = 1 + Math.floor(random() * 12);
      push('input', EventType.IncrementalSnapshot, startMs + at, {
        source: Source.Input,
        id: ids.search,
        text: '*'.repeat(length),
        isChecked: false,
      });
    });
    every(from, to, ACTIVE_RATES.click * scale, (at) => {
      const index = Math.floor(random() * ids.addButtons.length);
      const button = ids.addButtons[index] ?? ids.body;
      const x = Math.round(random() * VIEWPORT.width);
      const y = Math.round(random() * VIEWPORT.height);
      for (const [offset, type] of [
        [0, 1],
        [80, 0],
        [81, 2],
      ] as const) {
        push('mouse-interaction', EventType.IncrementalSnapshot, startMs + at + offset, {
          source: Source.MouseInteraction,
          type,
          id: button,
          x,
          y,
          pointerType: 0,
        });
      }
      clickConsequence(startMs + at + 90, index);
    });
    every(from, to, ACTIVE_RATES.network * scale, (at) => {
      const start = startMs + at;
      const durationMs = 20 + random() * 400;
      const status = random() < 0.03 ? 500 : 200;
      custom('network', start + durationMs, {
        method: random() < 0.8 ? 'GET' : 'POST',
        url: `https://shop.example/api/${pick(['products', 'cart', 'prices', 'recommendations', 'search'])}?page=${Math.floor(random() * 9)}`,
        status,
        startMs: start,
        endMs: start + durationMs,
        durationMs,
        responseBytes: Math.round(random() * 20_000),
        initiator: 'fetch',
        traceId: hex(random, 32),
        spanId: hex(random, 16),
      });
    });
    every(from, to, ACTIVE_RATES.console * scale, (at) =>
      custom('console', startMs + at, {
        level: pick(['log', 'log', 'info', 'warn', 'error']),
        args: [`render took ${Math.round(random() * 40)} ms`],
      }),
    );
    // a page change every ~40 s of activity
    every(from, to, 1 / 40, (at) => {
      const target = `/c/${Math.floor(random() * 10)}`;
      custom('navigation', startMs + at, {
        kind: 'pushState',
        from: `https://shop.example${path}`,
        to: `https://shop.example${target}`,
      });
      path = target;
      mutation('mutation', startMs + at + 5, { texts: [{ id: ids.titleText, value: `Category ${target.slice(3)}` }] });
      scrollY = 0;
      push('scroll', EventType.IncrementalSnapshot, startMs + at + 6, {
        source: Source.Scroll,
        id: ids.document,
        x: 0,
        y: 0,
      });
    });
    every(from, to, 1 / 120, (at) =>
      custom('performance', startMs + at, {
        kind: 'longtask',
        value: 80 + random() * 300,
        durationMs: 80 + random() * 300,
        startMs: startMs + at,
      }),
    );
  }
  every(0, shape.durationMs, 1 / 400, (at) =>
    custom('error', startMs + at, {
      kind: 'error',
      message: 'Uncaught TypeError: price is undefined',
      name: 'TypeError',
      stack: 'TypeError: price is undefined\n    at render (https://shop.example/app.js:10:5)',
    }),
  );

  // a click adds a cart item and a toast (removed later), and re-prices the card
  function clickConsequence(at: number, cardIndex: number): void {
    const item = nextId++;
    const itemText = nextId++;
    const toast = nextId++;
    const toastText = nextId++;
    cartItems.push(item);
    mutation('mutation', at, {
      adds: [
        {
          parentId: ids.cartList,
          nextId: null,
          node: { type: 2, tagName: 'li', attributes: { class: 'cart-item' }, childNodes: [], id: item },
        },
        { parentId: item, nextId: null, node: { type: 3, textContent: `Product ${cardIndex} × 1`, id: itemText } },
        {
          parentId: ids.toasts,
          nextId: null,
          node: { type: 2, tagName: 'div', attributes: { class: 'toast' }, childNodes: [], id: toast },
        },
        { parentId: toast, nextId: null, node: { type: 3, textContent: 'Added to cart', id: toastText } },
      ],
      texts: [{ id: ids.priceTexts[cardIndex] ?? ids.tickerText, value: `€${(5 + random() * 200).toFixed(2)}` }],
    });
    const toastIds = ids;
    timeline.push([
      at - startMs + 3000,
      () => {
        if (toastIds === ids) mutation('mutation', at + 3000, { removes: [{ parentId: ids.toasts, id: toast }] });
      },
    ]);
    if (cartItems.length > 8) {
      const removed = cartItems.shift() as number;
      mutation('mutation', at + 1, { removes: [{ parentId: ids.cartList, id: removed }] });
    }
  }

  // emit in time order; emitting may schedule more (a toast's removal), so sort as we go
  timeline.sort((a, b) => a[0] - b[0]);
  for (let index = 0; index < timeline.length; index += 1) {
    const entry = timeline[index] as [number, () => void];
    const before = timeline.length;
    entry[1]();
    if (timeline.length !== before) {
      const added = timeline.splice(before);
      for (const late of added) insertSorted(timeline, late, index + 1);
    }
  }
  events.sort((a, b) => a.timestamp - b.timestamp);

  const batches: ReplayEvent[][] = [];
  for (const event of events) {
    const slot = Math.floor((event.timestamp - startMs) / shape.batchEveryMs);
    while (batches.length <= slot) batches.push([]);
    (batches[slot] as ReplayEvent[]).push(event);
  }
  const nonEmpty = batches.filter((batch) => batch.length > 0);
  return {
    startMs,
    batches: nonEmpty,
    stats: { events: events.length, batches: nonEmpty.length, snapshotNodes, fullSnapshots, byKind },
  };
}

/** Alternating stretches of activity (20–90 s) and idleness (5–60 s), from `[0, durationMs)`. */
function planActivity(durationMs: number, random: () => number): [number, number][] {
  const periods: [number, number][] = [];
  let at = 500;
  while (at < durationMs) {
    const end = Math.min(durationMs, at + 20_000 + random() * 70_000);
    periods.push([at, end]);
    at = end + 5_000 + random() * 55_000;
  }
  return periods;
}

function insertSorted(list: [number, () => void][], entry: [number, () => void], from: number): void {
  let index = from;
  while (index < list.length && (list[index] as [number, () => void])[0] <= entry[0]) index += 1;
  list.splice(index, 0, entry);
}

function hex(random: () => number, length: number): string {
  let text = '';
  for (let index = 0; index < length; index += 1) text += Math.floor(random() * 16).toString(16);
  return text;
}

/** A small seeded PRNG: the same seed gives the same session. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
