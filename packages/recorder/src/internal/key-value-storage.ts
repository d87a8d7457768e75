/** The subset of the Web Storage API the recorder uses; tests pass an in-memory one. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function createMemoryStorage(): KeyValueStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
    },
  };
}

/**
 * The tab's sessionStorage, or an in-memory stand-in where it is missing or forbidden
 * (sandboxed iframes and some privacy modes throw on mere access).
 */
export function getSessionStorage(): KeyValueStorage {
  try {
    const storage = globalThis.sessionStorage;
    const probe = '__sightline_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return createMemoryStorage();
  }
}
