import type { SightlineRecorder } from './recorder-api.js';

/** What `init` returns when the recorder itself failed to start: the app's calls still work. */
export function createNoopRecorder(sessionId = ''): SightlineRecorder {
  return {
    identify() {},
    track() {},
    getSessionId: () => sessionId,
    captureNow() {},
    stop: () => Promise.resolve(),
  };
}
