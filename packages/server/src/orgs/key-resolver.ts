import type { ApiKeyKind, Store } from '../storage/store.js';
import { hashApiKey } from './api-keys.js';

export interface ResolvedKey {
  orgId: number;
  kind: ApiKeyKind;
}

export interface KeyResolverOptions {
  /** How long a lookup (found or not) is reused. */
  ttlMs: number;
  /** Bounds the cache so a flood of random keys cannot grow memory. */
  maxEntries: number;
}

/**
 * Resolves API keys to their org, with a small cache: every ingest request carries a
 * key, and a database round trip per request would cost more than the ingest itself.
 */
export function createKeyResolver(store: Store, options: KeyResolverOptions = { ttlMs: 30_000, maxEntries: 10_000 }) {
  const cache = new Map<string, { value: ResolvedKey | undefined; expiresAt: number }>();

  return async function resolveKey(key: string): Promise<ResolvedKey | undefined> {
    const hash = hashApiKey(key);
    const now = Date.now();
    const cached = cache.get(hash);
    if (cached && cached.expiresAt > now) return cached.value;
    const record = await store.findApiKey(hash);
    const value = record ? { orgId: record.orgId, kind: record.kind } : undefined;
    if (cache.size >= options.maxEntries) cache.clear();
    cache.set(hash, { value, expiresAt: now + options.ttlMs });
    return value;
  };
}

export type KeyResolver = ReturnType<typeof createKeyResolver>;
