import { createHash, randomBytes } from 'node:crypto';
import type { ApiKeyKind, ApiKeyRecord, Store } from '../storage/store.js';

const KEY_PREFIX: Record<ApiKeyKind, string> = { ingest: 'sl_ingest_', admin: 'sl_admin_' };

/** A new random key; the prefix tells a reader (and a secret scanner) what it is. */
export function generateApiKey(kind: ApiKeyKind): string {
  return `${KEY_PREFIX[kind]}${randomBytes(24).toString('base64url')}`;
}

/** Keys are stored as sha256: a leaked database does not leak working tokens. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function toApiKeyRecord(orgId: number, kind: ApiKeyKind, key: string): ApiKeyRecord {
  return { orgId, kind, hash: hashApiKey(key), prefix: key.slice(0, KEY_PREFIX[kind].length + 4) };
}

/** Saves a key for an org unless that exact key is already there (seeded keys on every start). */
export async function saveApiKey(store: Store, orgId: number, kind: ApiKeyKind, key: string): Promise<void> {
  const record = toApiKeyRecord(orgId, kind, key);
  const existing = await store.findApiKey(record.hash);
  if (existing) return;
  try {
    await store.addApiKey(record);
  } catch (error) {
    // another replica saved the same seeded key at the same moment
    if (!(await store.findApiKey(record.hash))) throw error;
  }
}
