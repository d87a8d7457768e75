import { PRIVACY_MODES, type PrivacyMode, type ResolvedRecorderOptions, type SegmentRule } from '../options.js';
import type { RemoteConfig } from './remote-config.js';

/** What the recorder acts on: local options overridden by `/v1/config`. */
export interface EffectiveSettings {
  sessionSampleRate: number;
  errorSampleRate: number;
  privacyMode: PrivacyMode;
  maskAllInputs: boolean;
  segmentRules: SegmentRule[];
}

/**
 * The server is the source of truth for rates and rules (they change without a
 * redeploy); for privacy the stricter of the two wins, so neither side can unmask what
 * the other masks.
 */
export function mergeRemoteConfig(
  local: Pick<
    ResolvedRecorderOptions,
    'sessionSampleRate' | 'errorSampleRate' | 'privacyMode' | 'maskAllInputs' | 'segmentRules'
  >,
  remote: RemoteConfig | undefined,
): EffectiveSettings {
  const privacyMode = stricterPrivacyMode(local.privacyMode, remote?.privacyMode ?? local.privacyMode);
  return {
    sessionSampleRate: remote?.sessionSampleRate ?? local.sessionSampleRate,
    errorSampleRate: remote?.errorSampleRate ?? local.errorSampleRate,
    privacyMode,
    // only an explicit `maskAllInputs: false` in 'none' mode (local and remote) unmasks inputs
    maskAllInputs: privacyMode === 'none' ? local.maskAllInputs : true,
    segmentRules: remote?.segmentRules ?? local.segmentRules,
  };
}

export function stricterPrivacyMode(a: PrivacyMode, b: PrivacyMode): PrivacyMode {
  return PRIVACY_MODES.indexOf(a) >= PRIVACY_MODES.indexOf(b) ? a : b;
}

/** Whether `next` masks more than `previous` (the recorder must then drop what it buffered). */
export function isStricterThan(next: EffectiveSettings, previous: EffectiveSettings): boolean {
  if (PRIVACY_MODES.indexOf(next.privacyMode) > PRIVACY_MODES.indexOf(previous.privacyMode)) return true;
  return next.maskAllInputs && !previous.maskAllInputs;
}
