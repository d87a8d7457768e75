/** What `registerSightline()` returns. */
export interface SightlineRegistration {
  /**
   * `'started'`: this call set up the OTel Node SDK. `'existing'`: OTel was already set up
   * by the app, so only what was missing was added and the rest was reported through `diag`.
   */
  readonly mode: 'started' | 'existing';
  /** Exports what is buffered now (before a test asserts, or a serverless function freezes). */
  forceFlush(): Promise<void>;
  /** Flushes and stops the SDK parts this registration created. Call it on SIGTERM. */
  shutdown(): Promise<void>;
}
