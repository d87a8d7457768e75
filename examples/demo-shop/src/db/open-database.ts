import BetterSqlite3, { type Database } from 'better-sqlite3';
import { PRODUCTS } from './seed-products.js';

const SCHEMA = `
  CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    price_cents INTEGER NOT NULL,
    emoji TEXT NOT NULL,
    color TEXT NOT NULL
  );
  CREATE TABLE carts (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
  );
  CREATE TABLE cart_items (
    cart_id TEXT NOT NULL REFERENCES carts(id),
    product_id INTEGER NOT NULL REFERENCES products(id),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (cart_id, product_id)
  );
  -- one order per cart: what turns a double submit into a constraint violation
  CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    cart_id TEXT NOT NULL UNIQUE REFERENCES carts(id),
    user_id TEXT NOT NULL,
    total_cents INTEGER NOT NULL,
    payment_id TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
  );
`;

/**
 * The shop's database: a fresh in-memory SQLite, seeded with the catalog at every start.
 * @example const db = openDatabase();
 */
export function openDatabase(): Database {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  const insert = db.prepare(
    'INSERT INTO products (slug, name, description, price_cents, emoji, color) VALUES (?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (const product of PRODUCTS) {
      insert.run(product.slug, product.name, product.description, product.priceCents, product.emoji, product.color);
    }
  })();
  return db;
}
