export type { ResolvedServerConfig, ServerOptions } from './config/server-config.js';
export { resolveServerConfig } from './config/server-config.js';
export type { SightlineErrorCode } from './errors.js';
export { SightlineError } from './errors.js';
export type { RunningServer } from './server.js';
export { startServer } from './server.js';
export { isValidSessionId } from './sessions/session-id.js';
export { createStore } from './storage/create-store.js';
export type { Store } from './storage/store.js';
