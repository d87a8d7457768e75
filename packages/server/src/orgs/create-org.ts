import type { Org, Store } from '../storage/store.js';
import { generateApiKey, saveApiKey } from './api-keys.js';

export interface OrgCredentials {
  org: Org;
  ingestKey: string;
  adminToken: string;
}

/** Creates an org with a fresh ingest key and admin token; the clear keys exist only in the result. */
export async function createOrgWithKeys(store: Store, name: string): Promise<OrgCredentials> {
  const org = await store.createOrg(name);
  const ingestKey = generateApiKey('ingest');
  const adminToken = generateApiKey('admin');
  await saveApiKey(store, org.id, 'ingest', ingestKey);
  await saveApiKey(store, org.id, 'admin', adminToken);
  return { org, ingestKey, adminToken };
}
