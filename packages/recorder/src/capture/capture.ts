/**
 * The contract between the recorder core and each capture beside the DOM (network,
 * console, errors, navigation, performance). A capture is a function that installs its
 * observers or patches and returns a `stop` that removes them all. It never throws into
 * the page: every callback it installs is wrapped, and internal failures go to
 * `context.reportInternalError`.
 */

/** The `tag` of Sightline's rrweb custom events, without the `sightline.` prefix (docs/replay-format.md). */
export type SightlineEventKind =
  | 'network'
  | 'console'
  | 'error'
  | 'navigation'
  | 'submit'
  | 'performance'
  | 'identify'
  | 'track'
  | 'capture'
  | 'dropped'
  | 'session';

/** Why a buffered (unsampled) session should start uploading. */
export type TriggerReason = 'error' | 'failed-request' | 'capture-now' | 'segment';

export interface CaptureContext {
  /** Records a custom rrweb event `{ type: 5, data: { tag: 'sightline.' + kind, payload } }` now. */
  emit(kind: SightlineEventKind, payload: Record<string, unknown>): void;
  /** The current session ID (it can rotate during the page's life: read it per request). */
  getSessionId(): string;
  /** Tells the sampler that something worth keeping happened (an uncaught error, a 5xx or failed request). */
  trigger(reason: TriggerReason): void;
  /** Where a capture's own failures go; never rethrown into the page. */
  reportInternalError(error: unknown): void;
}

export type StopCapture = () => void;

export type Capture<Options> = (context: CaptureContext, options: Options) => StopCapture;

/** URL patterns: a string matches an origin (`https://api.example.com`) or a URL prefix; a RegExp tests the full URL. */
export type UrlPattern = string | RegExp;

export interface NetworkCaptureOptions {
  /** Other origins that receive `X-Session-ID`, `traceparent` and `baggage` (the page's own origin always does). */
  propagateTo: UrlPattern[];
  /** URLs whose request/response headers and bodies are recorded (none by default). */
  captureBodiesFor: UrlPattern[];
  /** Cap per recorded body, in characters. */
  maxBodyLength: number;
  /** Replace query parameter values with `[redacted]` in recorded URLs (true by default). */
  scrubQueryValues: boolean;
  /** The Sightline endpoint origin + path prefix: the recorder's own uploads are never recorded nor patched. */
  ignoreUrls: UrlPattern[];
}

export interface ConsoleCaptureOptions {
  levels: ('log' | 'info' | 'warn' | 'error' | 'debug' | 'trace' | 'assert')[];
  /** Cap per serialized argument, in characters. */
  maxArgLength: number;
  /** How deep objects are serialized. */
  maxDepth: number;
}

export interface PerformanceCaptureOptions {
  /** Long tasks / animation frames shorter than this are not recorded. */
  longTaskThresholdMs: number;
}
