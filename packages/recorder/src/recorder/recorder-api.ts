/** What `init()` returns (and the tag exposes as `window.Sightline`). No method ever throws. */
export interface SightlineRecorder {
  /**
   * Names the user of this session; traits matching a segment rule record the session in full.
   * @example s.identify('user-42', { plan: 'enterprise' })
   */
  identify(userId: string, traits?: Record<string, unknown>): void;
  /** Records an app event in the replay (`sightline.track`). */
  track(name: string, properties?: Record<string, unknown>): void;
  /** The session ID that backends see as `session.id` (e.g. to attach to a support ticket). */
  getSessionId(): string;
  /**
   * Keeps this session: uploads the buffer now, even if it was not sampled, and records
   * on in full (e.g. when the user opens a support ticket).
   */
  captureNow(reason?: string): void;
  /** Stops recording, removes every listener and patch, and sends what is left. */
  stop(): Promise<void>;
}
