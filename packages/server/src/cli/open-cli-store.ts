import { DEFAULT_DB } from '../config/server-config.js';
import { createStore } from '../storage/create-store.js';
import type { Store } from '../storage/store.js';

/** The store a CLI command works on: `--db`, else `SIGHTLINE_DB`, else the default file. */
export async function withCliStore<T>(db: string | undefined, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await createStore(db ?? process.env.SIGHTLINE_DB ?? DEFAULT_DB);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
