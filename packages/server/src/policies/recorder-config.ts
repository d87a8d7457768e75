/** How much of the page the recorder masks (`data-privacy-mode` on the script tag, or this config). */
export type PrivacyMode = 'mask-inputs' | 'mask-all' | 'none';

/** A session whose `identify` traits match a rule is recorded in full, whatever the sample rate. */
export interface SegmentRule {
  trait: string;
  equals: string | number | boolean;
}

/**
 * What `GET /v1/config` tells the recorder (`docs/replay-format.md`): the org's own
 * policy, field by field. A field left out keeps the page's setting (its tag attribute
 * or `init()` option, else the recorder's default).
 */
export interface RecorderConfig {
  /** Share of sessions recorded in full, 0–1; the rest are buffered and uploaded on a trigger. */
  sessionSampleRate?: number;
  /** Share of sessions with an error that are uploaded, 0–1. */
  errorSampleRate?: number;
  /** Only ever makes a page stricter: the recorder keeps the stricter of this and its own. */
  privacyMode?: PrivacyMode;
  segmentRules?: SegmentRule[];
}

/**
 * The recorder policy of an org: the one place where per-org policies will plug in.
 * No org sets one yet, so the answer is empty. Sending the defaults instead would
 * override every page's own settings (a field sent wins over the tag's): a tag's
 * `data-sample-rate="0.1"` would record every session in full.
 */
export async function resolveRecorderConfig(_orgId: number): Promise<RecorderConfig> {
  return {};
}
