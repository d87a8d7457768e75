import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../storage/store.js';

/** Resolves a UI session secret (the cookie value) to its org, or undefined when unknown or expired. */
export type UiSessionResolver = (secret: string) => Promise<number | undefined>;

export interface UiSessions {
  /** Starts a session for an org; the secret goes in the cookie, only its hash is stored. */
  create(orgId: number, maxAgeS: number): Promise<string>;
  resolve: UiSessionResolver;
  revoke(secret: string): Promise<void>;
}

/**
 * Browser sign-ins to the UI, stored server-side (hashed) so every replica knows them
 * and a sign-out really ends them. Lookups are cached briefly: each UI page makes
 * several API calls.
 */
export function createUiSessions(store: Store, cacheTtlMs = 10_000): UiSessions {
  const cache = new Map<string, { orgId: number | undefined; until: number }>();
  const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');

  return {
    async create(orgId, maxAgeS) {
      const secret = randomBytes(32).toString('base64url');
      await store.createUiSession({ hash: hash(secret), orgId, expiresUs: (Date.now() + maxAgeS * 1000) * 1000 });
      return secret;
    },
    async resolve(secret) {
      const key = hash(secret);
      const now = Date.now();
      const cached = cache.get(key);
      if (cached && cached.until > now) return cached.orgId;
      const session = await store.findUiSession(key);
      const orgId = session && session.expiresUs > now * 1000 ? session.orgId : undefined;
      if (cache.size > 10_000) cache.clear();
      cache.set(key, { orgId, until: now + cacheTtlMs });
      return orgId;
    },
    async revoke(secret) {
      const key = hash(secret);
      cache.delete(key);
      await store.deleteUiSession(key);
    },
  };
}
