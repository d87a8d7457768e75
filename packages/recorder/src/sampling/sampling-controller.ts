import type { SightlineEventKind, TriggerReason } from '../capture/capture.js';
import type { EffectiveSettings } from '../config/effective-settings.js';
import type { RandomSource } from '../internal/clock.js';
import { EventType } from '../internal/rrweb-events.js';
import type { SessionManager } from '../session/session-manager.js';
import type { RecordedEvent } from '../transport/recorded-event.js';
import type { RollingBuffer } from './rolling-buffer.js';
import { decideSessionSampling, evaluateTrigger } from './sampler.js';
import { matchesSegmentRules } from './segment-rules.js';

/** `pending`: waiting for `/v1/config` before deciding; buffered meanwhile, so nothing leaves early. */
export type RecordingMode = 'pending' | 'full' | 'buffered';

export interface SamplingControllerOptions {
  sessions: SessionManager;
  random: RandomSource;
  getSettings: () => EffectiveSettings;
  buffer: RollingBuffer;
  /** Where a recorded session's events go (the batcher). */
  upload: (event: RecordedEvent) => void;
  /** Send what is collected now (the buffer after a trigger, a support ticket). */
  flushUpload: () => void;
  emit: (kind: SightlineEventKind, payload: Record<string, unknown>) => void;
  /** The buffer outgrew its cap: a checkout starts a new segment so the old one can go. */
  requestCheckout: () => void;
}

/**
 * Decides, per session, whether events are uploaded or kept in the rolling buffer, and
 * turns a buffered session into a recorded one when a trigger fires.
 */
export interface SamplingController {
  readonly mode: RecordingMode;
  route(event: RecordedEvent): void;
  /** Settles a pending decision: the one persisted for the session, else a fresh roll. */
  decide(): void;
  trigger(reason: TriggerReason): void;
  /** `identify` traits, matched against the segment rules now and whenever the rules change. */
  setTraits(traits: Record<string, unknown>): void;
  /** Rules or rates changed (`/v1/config` answered). */
  onSettingsChanged(): void;
  /** A new session began: the old one's buffer is not its history. */
  onSessionRotated(): void;
  /** Drops buffered DOM data (recorded under a privacy mode now known to be too weak). */
  dropBufferedDom(): void;
}

export function createSamplingController(options: SamplingControllerOptions): SamplingController {
  const { sessions, random, getSettings, buffer, upload, flushUpload, emit, requestCheckout } = options;
  let mode: RecordingMode = 'pending';
  let traits: Record<string, unknown> | undefined;
  const pendingTriggers: TriggerReason[] = [];

  const startUploading = (trigger: TriggerReason | undefined): void => {
    mode = 'full';
    sessions.setSampling('full');
    for (const event of buffer.drain()) upload(event);
    emit('session', trigger === undefined ? { sampled: 'full' } : { sampled: 'full', trigger });
    flushUpload();
  };

  const trigger = (reason: TriggerReason): void => {
    if (mode === 'full') return;
    if (mode === 'pending') {
      if (!pendingTriggers.includes(reason)) pendingTriggers.push(reason);
      return;
    }
    const outcome = evaluateTrigger(reason, sessions.session, getSettings().errorSampleRate, random);
    if (outcome.errorTrigger !== undefined) sessions.setErrorTrigger(outcome.errorTrigger);
    if (outcome.upload) startUploading(reason);
  };

  const checkSegment = (): void => {
    if (mode === 'buffered' && traits !== undefined && matchesSegmentRules(getSettings().segmentRules, traits)) {
      trigger('segment');
    }
  };

  const decide = (): void => {
    if (mode !== 'pending') return;
    const session = sessions.session;
    const persisted = session.sampling;
    const decision = persisted ?? decideSessionSampling(getSettings().sessionSampleRate, random);
    if (persisted === undefined) sessions.setSampling(decision);
    mode = decision;
    if (decision === 'full') {
      for (const event of buffer.drain()) upload(event);
    }
    if (persisted === undefined) {
      const previousSessionId = session.previousId;
      emit(
        'session',
        previousSessionId === undefined ? { sampled: decision } : { previousSessionId, sampled: decision },
      );
    }
    for (const reason of pendingTriggers.splice(0)) trigger(reason);
    checkSegment();
  };

  return {
    get mode() {
      return mode;
    },
    route(event) {
      if (mode === 'full') {
        upload(event);
        return;
      }
      const overflow = buffer.add(event);
      if (overflow !== undefined) {
        emit('dropped', { reason: 'buffer-full', count: overflow.droppedEvents, bytes: overflow.droppedBytes });
      }
      if (buffer.needsCheckout && event.type !== EventType.Meta && event.type !== EventType.FullSnapshot) {
        requestCheckout();
      }
    },
    decide,
    trigger,
    setTraits(next) {
      traits = next;
      checkSegment();
    },
    onSettingsChanged: checkSegment,
    onSessionRotated() {
      buffer.drain();
      pendingTriggers.length = 0;
      mode = 'pending';
      decide();
    },
    dropBufferedDom() {
      buffer.retain((event) => event.type === EventType.Custom);
    },
  };
}
