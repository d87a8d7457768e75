import type { ConsoleCaptureOptions, UrlPattern } from './capture/capture.js';
import type { SightlineError } from './errors.js';
import {
  checkBoolean,
  checkNumberInRange,
  checkOneOf,
  checkPositiveInteger,
  checkSelector,
  checkUrlPatterns,
  invalidOption,
} from './internal/option-checks.js';

/** How much of the page's text is masked. Inputs are masked in every mode unless `maskAllInputs: false`. */
export type PrivacyMode = 'mask-inputs' | 'mask-all' | 'none';

export const PRIVACY_MODES: readonly PrivacyMode[] = ['none', 'mask-inputs', 'mask-all'];

export type ConsoleLevel = ConsoleCaptureOptions['levels'][number];

/** A user segment recorded in full whatever the sample rate: `identify` traits where `trait` equals `equals`. */
export interface SegmentRule {
  trait: string;
  equals: string | number | boolean;
}

/** Settings of `init()` (and of the script tag's `data-*` attributes). Only `key` is required. */
export interface RecorderOptions {
  /** The org's public ingest key (`data-key`, or its alias `data-org-id`, on the tag). */
  key: string;
  /**
   * Sightline's base URL; batches go to `{endpoint}/v1/replay`.
   * @default the script's origin for the tag, the page's origin for `init()`
   */
  endpoint?: string;
  /** @default 'mask-inputs' */
  privacyMode?: PrivacyMode;
  /** Mask every input's value. Only `false` given explicitly unmasks (non-password) inputs in `'none'` mode. @default true */
  maskAllInputs?: boolean;
  /** Elements whose text is masked, added to `[data-private]` and contenteditable regions. @default undefined */
  maskSelector?: string;
  /** Elements not captured at all (a same-size placeholder), added to `.sightline-block, .qorrelate-block`. @default undefined */
  blockSelector?: string;
  /** Share of sessions uploaded in full; the rest are buffered until a trigger. `/v1/config` overrides it. @default 1 */
  sessionSampleRate?: number;
  /** Share of buffered sessions uploaded when an error or failed request triggers. `/v1/config` overrides it. @default 1 */
  errorSampleRate?: number;
  /** Sessions whose `identify` traits match are recorded in full. `/v1/config` overrides them. @default [] */
  segmentRules?: SegmentRule[];
  /** Keep the session ID in the first-party cookie `sightline_sid` for navigations and form posts. @default true */
  cookie?: boolean;
  /** Other origins (or URL prefixes, or RegExps) that receive `X-Session-ID`, `traceparent` and `baggage`. @default [] */
  propagateTo?: UrlPattern[];
  /** Network capture, or `false` to turn it off (session propagation stays on). @default {} */
  network?: false | NetworkOptions;
  /** Console capture, or `false` to turn it off. @default {} */
  console?: false | ConsoleOptions;
  /** Web vitals and long tasks, or `false` to turn them off. @default {} */
  performance?: false | PerformanceOptions;
  /** Uncaught errors and unhandled rejections. @default true */
  errors?: boolean;
  /** History and hash navigations. @default true */
  navigation?: boolean;
  /** Fetch `{endpoint}/v1/config` at start; its rates and rules win, its privacy mode wins when stricter. @default true */
  remoteConfig?: boolean;
  /** How long recording stays buffered waiting for `/v1/config` before deciding with local settings. @default 3000 */
  remoteConfigTimeoutMs?: number;
  /** A batch is sent at the latest this long after its first event. @default 5000 */
  flushIntervalMs?: number;
  /** A batch is sent once its events reach this many (uncompressed) bytes. @default 524288 */
  maxBatchBytes?: number;
  /** Unsent data kept while the server is unreachable; beyond it the oldest non-snapshot batches go. @default 5242880 */
  maxPendingBytes?: number;
  /** A buffered (unsampled) session keeps at most this much in memory. @default 5242880 */
  maxBufferBytes?: number;
  /** A full snapshot is taken at least this often in a recorded session, so any segment can start playback. @default 300000 */
  checkoutIntervalMs?: number;
  /** Nodes added or removed in one mutation batch above which the batch is skipped and re-snapshotted later. @default 5000 */
  mutationLimit?: number;
  /** Where the recorder's own failures go; it never throws into the page. @default a no-op */
  onInternalError?: (error: SightlineError) => void;
}

export interface NetworkOptions {
  /** URLs whose headers and bodies are recorded. @default [] */
  captureBodiesFor?: UrlPattern[];
  /** @default 10000 */
  maxBodyLength?: number;
  /** @default true */
  scrubQueryValues?: boolean;
}

export interface ConsoleOptions {
  /** @default ['log', 'info', 'warn', 'error', 'assert', 'trace'] */
  levels?: ConsoleLevel[];
  /** @default 1000 */
  maxArgLength?: number;
  /** @default 3 */
  maxDepth?: number;
}

export interface PerformanceOptions {
  /** @default 50 */
  longTaskThresholdMs?: number;
}

export interface ResolvedRecorderOptions {
  key: string;
  /** Absolute, without a trailing slash. */
  endpoint: string;
  privacyMode: PrivacyMode;
  maskAllInputs: boolean;
  maskSelector: string | undefined;
  blockSelector: string | undefined;
  sessionSampleRate: number;
  errorSampleRate: number;
  segmentRules: SegmentRule[];
  cookie: boolean;
  propagateTo: UrlPattern[];
  network: false | Required<NetworkOptions>;
  console: false | Required<ConsoleOptions>;
  performance: false | Required<PerformanceOptions>;
  errors: boolean;
  navigation: boolean;
  remoteConfig: boolean;
  remoteConfigTimeoutMs: number;
  flushIntervalMs: number;
  maxBatchBytes: number;
  maxPendingBytes: number;
  maxBufferBytes: number;
  checkoutIntervalMs: number;
  mutationLimit: number;
  onInternalError: (error: SightlineError) => void;
}

const CONSOLE_LEVELS: readonly ConsoleLevel[] = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'assert'];

/** Merges defaults and validates; throws a SightlineError (`invalid_option`) naming the bad value and the fix. */
export function resolveRecorderOptions(
  options: RecorderOptions,
  pageUrl = globalThis.location?.href,
): ResolvedRecorderOptions {
  if (typeof options !== 'object' || options === null) {
    throw invalidOption('options', "an object such as { key: 'INGEST_KEY' }", options);
  }
  return {
    key: resolveKey(options.key),
    endpoint: resolveEndpoint(options.endpoint, pageUrl),
    privacyMode: checkOneOf('privacyMode', options.privacyMode, PRIVACY_MODES, 'mask-inputs'),
    maskAllInputs: checkBoolean('maskAllInputs', options.maskAllInputs, true),
    maskSelector: checkSelector('maskSelector', options.maskSelector),
    blockSelector: checkSelector('blockSelector', options.blockSelector),
    sessionSampleRate: checkNumberInRange('sessionSampleRate', options.sessionSampleRate, 1, 0, 1),
    errorSampleRate: checkNumberInRange('errorSampleRate', options.errorSampleRate, 1, 0, 1),
    segmentRules: resolveSegmentRules(options.segmentRules),
    cookie: checkBoolean('cookie', options.cookie, true),
    propagateTo: checkUrlPatterns('propagateTo', options.propagateTo),
    network: resolveNetwork(options.network),
    console: resolveConsole(options.console),
    performance: resolvePerformance(options.performance),
    errors: checkBoolean('errors', options.errors, true),
    navigation: checkBoolean('navigation', options.navigation, true),
    remoteConfig: checkBoolean('remoteConfig', options.remoteConfig, true),
    remoteConfigTimeoutMs: checkPositiveInteger('remoteConfigTimeoutMs', options.remoteConfigTimeoutMs, 3000),
    flushIntervalMs: checkPositiveInteger('flushIntervalMs', options.flushIntervalMs, 5000),
    maxBatchBytes: checkPositiveInteger('maxBatchBytes', options.maxBatchBytes, 512 * 1024),
    maxPendingBytes: checkPositiveInteger('maxPendingBytes', options.maxPendingBytes, 5 * 1024 * 1024),
    maxBufferBytes: checkPositiveInteger('maxBufferBytes', options.maxBufferBytes, 5 * 1024 * 1024),
    checkoutIntervalMs: checkPositiveInteger('checkoutIntervalMs', options.checkoutIntervalMs, 5 * 60_000),
    mutationLimit: checkPositiveInteger('mutationLimit', options.mutationLimit, 5000),
    onInternalError: resolveErrorHandler(options.onInternalError),
  };
}

function resolveKey(key: unknown): string {
  if (typeof key !== 'string' || key.trim() === '') {
    throw invalidOption(
      'key',
      'the ingest key of your Sightline org',
      key,
      'pass init({ key }) or data-key on the tag',
    );
  }
  if (/\s/.test(key)) throw invalidOption('key', 'an ingest key without spaces', key);
  return key;
}

function resolveEndpoint(endpoint: unknown, pageUrl: string | undefined): string {
  if (endpoint !== undefined && typeof endpoint !== 'string') {
    throw invalidOption('endpoint', "a URL such as 'https://sightline.example.com'", endpoint);
  }
  const raw = endpoint === undefined || endpoint === '' ? pageUrl : endpoint;
  if (raw === undefined) {
    throw invalidOption('endpoint', 'a URL (there is no page to default to)', endpoint);
  }
  let url: URL;
  try {
    url = new URL(raw, pageUrl);
  } catch {
    throw invalidOption('endpoint', "a URL such as 'https://sightline.example.com'", endpoint);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalidOption('endpoint', 'an http: or https: URL', endpoint);
  }
  // only the page's origin is a default: the rest of the page URL is not a path prefix
  const path = endpoint === undefined || endpoint === '' ? '' : url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path}`;
}

function resolveSegmentRules(rules: unknown): SegmentRule[] {
  if (rules === undefined) return [];
  if (!Array.isArray(rules))
    throw invalidOption('segmentRules', "an array like [{ trait: 'plan', equals: 'enterprise' }]", rules);
  return rules.map((rule, index) => {
    if (!isSegmentRule(rule)) {
      throw invalidOption(`segmentRules[${index}]`, '{ trait: string, equals: string | number | boolean }', rule);
    }
    return { trait: rule.trait, equals: rule.equals };
  });
}

export function isSegmentRule(rule: unknown): rule is SegmentRule {
  if (typeof rule !== 'object' || rule === null) return false;
  const { trait, equals } = rule as Record<string, unknown>;
  return (
    typeof trait === 'string' &&
    trait !== '' &&
    (typeof equals === 'string' || typeof equals === 'number' || typeof equals === 'boolean')
  );
}

function resolveNetwork(network: unknown): false | Required<NetworkOptions> {
  if (network === false) return false;
  const value = checkGroup('network', network) as NetworkOptions;
  return {
    captureBodiesFor: checkUrlPatterns('network.captureBodiesFor', value.captureBodiesFor),
    maxBodyLength: checkPositiveInteger('network.maxBodyLength', value.maxBodyLength, 10_000),
    scrubQueryValues: checkBoolean('network.scrubQueryValues', value.scrubQueryValues, true),
  };
}

function resolveConsole(console: unknown): false | Required<ConsoleOptions> {
  if (console === false) return false;
  const value = checkGroup('console', console) as ConsoleOptions;
  const levels = value.levels ?? ['log', 'info', 'warn', 'error', 'assert', 'trace'];
  if (!Array.isArray(levels)) throw invalidOption('console.levels', `an array of ${CONSOLE_LEVELS.join(', ')}`, levels);
  for (const level of levels) checkOneOf('console.levels[]', level, CONSOLE_LEVELS, 'log');
  return {
    levels: [...levels],
    maxArgLength: checkPositiveInteger('console.maxArgLength', value.maxArgLength, 1000),
    maxDepth: checkPositiveInteger('console.maxDepth', value.maxDepth, 3),
  };
}

function resolvePerformance(performance: unknown): false | Required<PerformanceOptions> {
  if (performance === false) return false;
  const value = checkGroup('performance', performance) as PerformanceOptions;
  return {
    longTaskThresholdMs: checkPositiveInteger('performance.longTaskThresholdMs', value.longTaskThresholdMs, 50),
  };
}

function checkGroup(name: string, value: unknown): object {
  if (value === undefined || value === true) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidOption(name, 'an object of settings, or false to turn it off', value);
  }
  return value;
}

function resolveErrorHandler(handler: unknown): (error: SightlineError) => void {
  if (handler === undefined) return () => {};
  if (typeof handler !== 'function') throw invalidOption('onInternalError', 'a function (error) => void', handler);
  return handler as (error: SightlineError) => void;
}
