import { SightlineError } from '../errors.js';
import type { Clock } from '../internal/clock.js';
import { isSegmentRule, PRIVACY_MODES, type PrivacyMode, type SegmentRule } from '../options.js';
import type { FetchFunction } from '../transport/send-batch.js';

/** What `GET /v1/config` may set; a field it leaves out keeps the local value. */
export interface RemoteConfig {
  sessionSampleRate?: number;
  errorSampleRate?: number;
  privacyMode?: PrivacyMode;
  segmentRules?: SegmentRule[];
}

export type RemoteConfigResult =
  | { status: 'success'; config: RemoteConfig }
  | { status: 'failure'; error: SightlineError };

export interface FetchRemoteConfigOptions {
  /** `{endpoint}/v1/config?key=…` */
  url: string;
  fetch: FetchFunction;
  clock: Clock;
  timeoutMs: number;
}

/** One GET, bounded by a timeout; the outcome as a value, never a throw. */
export async function fetchRemoteConfig(options: FetchRemoteConfigOptions): Promise<RemoteConfigResult> {
  const { url, fetch, clock, timeoutMs } = options;
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
  const timer = clock.setTimeout(() => controller?.abort(), timeoutMs);
  try {
    const response = await fetch(url, {
      method: 'GET',
      mode: 'cors',
      credentials: 'omit',
      ...(controller === undefined ? {} : { signal: controller.signal }),
    });
    if (!response.ok) {
      return {
        status: 'failure',
        error: new SightlineError('remote_config_failed', `/v1/config answered ${response.status}`),
      };
    }
    return { status: 'success', config: parseRemoteConfig(await response.json()) };
  } catch (error) {
    return {
      status: 'failure',
      error: new SightlineError('remote_config_failed', 'could not load /v1/config', { cause: error }),
    };
  } finally {
    clock.clearTimeout(timer);
  }
}

/** Keeps the fields that are valid and ignores the rest: a bad field must not stop recording. */
export function parseRemoteConfig(value: unknown): RemoteConfig {
  if (typeof value !== 'object' || value === null) return {};
  const raw = value as Record<string, unknown>;
  const config: RemoteConfig = {};
  if (isRate(raw.sessionSampleRate)) config.sessionSampleRate = raw.sessionSampleRate;
  if (isRate(raw.errorSampleRate)) config.errorSampleRate = raw.errorSampleRate;
  if (typeof raw.privacyMode === 'string' && (PRIVACY_MODES as readonly string[]).includes(raw.privacyMode)) {
    config.privacyMode = raw.privacyMode as PrivacyMode;
  }
  if (Array.isArray(raw.segmentRules)) config.segmentRules = raw.segmentRules.filter(isSegmentRule);
  return config;
}

function isRate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
}
