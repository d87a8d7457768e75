/** What `main.ts` reads from the environment; the launcher (`start-shop-process.ts`) sets it. */
export interface ShopConfig {
  host: string;
  /** Tried first; when taken, the shop takes a free port instead. */
  port: number;
  /** Sightline's base URL, as the browser reaches it (the recorder's tag). */
  sightlineUrl: string;
  ingestKey: string;
  paymentLatencyMs: number;
  logLevel: string;
}

export const DEFAULT_SHOP_PORT = 3000;

export function readShopConfig(env: Record<string, string | undefined> = process.env): ShopConfig {
  const ingestKey = env.SIGHTLINE_INGEST_KEY;
  if (ingestKey === undefined || ingestKey === '') {
    throw new Error('SIGHTLINE_INGEST_KEY: expected the ingest key of the Sightline org the shop records to');
  }
  return {
    host: env.SHOP_HOST ?? '127.0.0.1',
    port: readInteger(env, 'SHOP_PORT', DEFAULT_SHOP_PORT),
    sightlineUrl: (env.SIGHTLINE_ENDPOINT ?? 'http://127.0.0.1:4318').replace(/\/+$/, ''),
    ingestKey,
    paymentLatencyMs: readInteger(env, 'PAYMENT_LATENCY_MS', 300),
    logLevel: env.SHOP_LOG_LEVEL ?? 'info',
  };
}

function readInteger(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name}: expected an integer ≥ 0 (actual: '${raw}')`);
  return value;
}
