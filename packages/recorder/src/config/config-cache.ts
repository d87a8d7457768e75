import type { KeyValueStorage } from '../internal/key-value-storage.js';
import { parseRemoteConfig, type RemoteConfig } from './remote-config.js';

/**
 * The last `/v1/config` answer, kept for the tab: the next page load applies its privacy
 * mode before the first snapshot instead of waiting for the network.
 */
export interface ConfigCache {
  load(): RemoteConfig | undefined;
  save(config: RemoteConfig): void;
}

export function createConfigCache(storage: KeyValueStorage, storageKey: string): ConfigCache {
  return {
    load() {
      try {
        const raw = storage.getItem(storageKey);
        return raw === null ? undefined : parseRemoteConfig(JSON.parse(raw));
      } catch {
        return undefined;
      }
    },
    save(config) {
      try {
        storage.setItem(storageKey, JSON.stringify(config));
      } catch {
        // a cache: losing it only costs a wait on the next page
      }
    },
  };
}
