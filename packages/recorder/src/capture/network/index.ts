export type { NetworkCaptureOptions } from '../capture.js';
export { captureNetwork } from './capture-network.js';
export type { NetworkInitiator, NetworkPayload } from './network-payload.js';
