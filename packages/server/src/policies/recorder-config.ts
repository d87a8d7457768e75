/** How much of the page the recorder masks (`data-privacy-mode` on the script tag, or this config). */
export type PrivacyMode = 'mask-inputs' | 'mask-all' | 'none';

/** A session whose `identify` traits match a rule is recorded in full, whatever the sample rate. */
export interface SegmentRule {
  trait: string;
  equals: string | number | boolean;
}

/** What `GET /v1/config` tells the recorder (`docs/replay-format.md`). */
export interface RecorderConfig {
  /** Share of sessions recorded in full, 0–1; the rest are buffered and uploaded on a trigger. */
  sessionSampleRate: number;
  /** Share of sessions with an error that are uploaded, 0–1. */
  errorSampleRate: number;
  privacyMode: PrivacyMode;
  segmentRules: SegmentRule[];
}

/** Privacy by default, everything recorded: the defaults until per-org policies exist. */
export const DEFAULT_RECORDER_CONFIG: Readonly<RecorderConfig> = Object.freeze({
  sessionSampleRate: 1,
  errorSampleRate: 1,
  privacyMode: 'mask-inputs',
  segmentRules: [],
});

/**
 * The recorder settings of an org. Every org gets the defaults for now; the one place
 * where per-org policies will plug in.
 */
export async function resolveRecorderConfig(_orgId: number): Promise<RecorderConfig> {
  return { ...DEFAULT_RECORDER_CONFIG, segmentRules: [...DEFAULT_RECORDER_CONFIG.segmentRules] };
}
