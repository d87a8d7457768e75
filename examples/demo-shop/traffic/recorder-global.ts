/** The part of the recorder's `window.Sightline` (packages/recorder) the generator calls in the page. */
export interface PageRecorder {
  getSessionId(): string;
  track(name: string, properties?: Record<string, unknown>): void;
}

declare global {
  interface Window {
    Sightline?: PageRecorder;
  }
}
