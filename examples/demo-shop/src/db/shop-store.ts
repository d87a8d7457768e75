import type { Database } from 'better-sqlite3';
import { prepareTraced } from './traced-statement.js';

export interface Product {
  id: number;
  slug: string;
  name: string;
  description: string;
  priceCents: number;
  emoji: string;
  color: string;
}

export interface CartLine {
  product: Product;
  quantity: number;
}

export interface Cart {
  id: string;
  userId: string;
  lines: CartLine[];
  totalCents: number;
}

/** Every query the shop runs, each one traced. */
export interface ShopStore {
  listProducts(): Product[];
  findProduct(slug: string): Product | undefined;
  findProductById(id: number): Product | undefined;
  /** Creates the cart on its first item. */
  addToCart(cartId: string, userId: string, productId: number, quantity: number): void;
  getCart(cartId: string): Cart | undefined;
  insertOrder(order: { cartId: string; userId: string; totalCents: number; paymentId: string }): number;
}

const PRODUCT_COLUMNS = 'p.id, p.slug, p.name, p.description, p.price_cents AS priceCents, p.emoji, p.color';

export function createShopStore(db: Database): ShopStore {
  const listProducts = prepareTraced(db, `SELECT ${PRODUCT_COLUMNS} FROM products p ORDER BY p.id`);
  const findProduct = prepareTraced(db, `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.slug = ?`);
  const findProductById = prepareTraced(db, `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.id = ?`);
  const insertCart = prepareTraced(db, 'INSERT INTO carts (id, user_id) VALUES (?, ?) ON CONFLICT (id) DO NOTHING');
  const upsertItem = prepareTraced(
    db,
    `INSERT INTO cart_items (cart_id, product_id, quantity) VALUES (?, ?, ?)
     ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = quantity + excluded.quantity`,
  );
  const findCart = prepareTraced(db, 'SELECT id, user_id AS userId FROM carts WHERE id = ?');
  const listLines = prepareTraced(
    db,
    `SELECT ${PRODUCT_COLUMNS}, i.quantity FROM cart_items i JOIN products p ON p.id = i.product_id
     WHERE i.cart_id = ? ORDER BY p.id`,
  );
  const insertOrder = prepareTraced(
    db,
    'INSERT INTO orders (cart_id, user_id, total_cents, payment_id) VALUES (?, ?, ?, ?)',
  );

  return {
    listProducts: () => listProducts.all<Product>(),
    findProduct: (slug) => findProduct.get<Product>(slug),
    findProductById: (id) => findProductById.get<Product>(id),
    addToCart(cartId, userId, productId, quantity) {
      insertCart.run(cartId, userId);
      upsertItem.run(cartId, productId, quantity);
    },
    getCart(cartId) {
      const cart = findCart.get<{ id: string; userId: string }>(cartId);
      if (cart === undefined) return undefined;
      const lines = listLines.all<Product & { quantity: number }>(cartId).map(({ quantity, ...product }) => ({
        product,
        quantity,
      }));
      const totalCents = lines.reduce((sum, line) => sum + line.product.priceCents * line.quantity, 0);
      return { ...cart, lines, totalCents };
    },
    insertOrder: (order) =>
      Number(insertOrder.run(order.cartId, order.userId, order.totalCents, order.paymentId).lastInsertRowid),
  };
}
