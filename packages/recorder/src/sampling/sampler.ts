import type { TriggerReason } from '../capture/capture.js';
import type { RandomSource } from '../internal/clock.js';
import type { SamplingDecision, SessionState } from '../session/session-store.js';

/** A new session's decision: uploaded in full, or buffered until a trigger. */
export function decideSessionSampling(sessionSampleRate: number, random: RandomSource): SamplingDecision {
  // `<` so a rate of 0 never samples and a rate of 1 always does
  return random() < sessionSampleRate ? 'full' : 'buffered';
}

export type TriggerOutcome =
  /** Upload the buffer and record on in full. */
  | { upload: true; errorTrigger?: 'accepted' }
  /** Stay buffered; `errorTrigger` is the roll to remember for the rest of the session. */
  | { upload: false; errorTrigger?: 'rejected' };

/**
 * Whether a trigger turns a buffered session into a recorded one. Errors and failed
 * requests are subject to errorSampleRate, rolled once per session (else a page that
 * errors in a loop would be kept whatever the rate); a support ticket (`captureNow`) or a
 * matching segment always wins.
 */
export function evaluateTrigger(
  reason: TriggerReason,
  session: Pick<SessionState, 'errorTrigger'>,
  errorSampleRate: number,
  random: RandomSource,
): TriggerOutcome {
  if (reason === 'capture-now' || reason === 'segment') return { upload: true };
  if (session.errorTrigger === 'accepted') return { upload: true };
  if (session.errorTrigger === 'rejected') return { upload: false };
  return random() < errorSampleRate
    ? { upload: true, errorTrigger: 'accepted' }
    : { upload: false, errorTrigger: 'rejected' };
}
