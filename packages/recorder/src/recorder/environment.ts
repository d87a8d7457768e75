import { type Clock, type RandomSource, systemClock } from '../internal/clock.js';
import { getSessionStorage, type KeyValueStorage } from '../internal/key-value-storage.js';
import { createSessionId } from '../session/session-id.js';
import type { FetchFunction } from '../transport/send-batch.js';

/** What the recorder takes from the browser; tests substitute fakes. */
export interface RecorderEnvironment {
  clock: Clock;
  random: RandomSource;
  storage: KeyValueStorage;
  fetch: FetchFunction;
  createSessionId: () => string;
}

export function createBrowserEnvironment(): RecorderEnvironment {
  return {
    clock: systemClock,
    random: Math.random,
    storage: getSessionStorage(),
    // captured now, before the network capture patches it: our uploads are not the app's requests
    fetch: globalThis.fetch.bind(globalThis),
    createSessionId: () => createSessionId(),
  };
}
