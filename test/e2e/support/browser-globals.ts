import type { SightlineRecorder } from '../../../packages/recorder/src/index.js';

/**
 * What the fixture pages expose, typed for code passed to `page.evaluate` (import this
 * module for its side effect: `import '../support/browser-globals.js'`).
 */
declare global {
  interface Window {
    /** The recorder's tag API, declared as the recorder itself declares it. */
    Sightline?: SightlineRecorder;
    /** `fixtures/shop/shop.js` */
    shop: ShopApi;
  }
}

/** `window.shop` of `fixtures/shop/shop.js`. */
export interface ShopApi {
  /** A client-side navigation (pushState + render). */
  navigate(path: string): void;
  /** Every second: a `#ticker` row and `Sightline.track('marker-N')`, N from 0. */
  startMarkers(): void;
  /** Stops the markers and returns how many were tracked. */
  stopMarkers(): number;
  /** Throws an uncaught Error(message) from a timer, as an app bug would. */
  fail(message: string): void;
}
