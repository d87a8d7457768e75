import type { CaptureContext, SightlineEventKind, StopCapture } from '../capture/capture.js';
import { createConfigCache } from '../config/config-cache.js';
import { type EffectiveSettings, isStricterThan, mergeRemoteConfig } from '../config/effective-settings.js';
import { fetchRemoteConfig } from '../config/remote-config.js';
import { SightlineError } from '../errors.js';
import { createErrorReporter } from '../internal/error-reporter.js';
import { EventType, isUserActivity, type RecorderEvent } from '../internal/rrweb-events.js';
import type { ResolvedRecorderOptions } from '../options.js';
import { createDomRecorder } from '../record/record-dom.js';
import { createRollingBuffer } from '../sampling/rolling-buffer.js';
import { createSamplingController } from '../sampling/sampling-controller.js';
import { writeSessionCookie } from '../session/session-cookie.js';
import { createSessionManager } from '../session/session-manager.js';
import { createSessionStore } from '../session/session-store.js';
import { toRecordedEvent } from '../transport/recorded-event.js';
import { createTransport } from './create-transport.js';
import { createBrowserEnvironment, type RecorderEnvironment } from './environment.js';
import { listenPageLifecycle } from './page-lifecycle.js';
import type { SightlineRecorder } from './recorder-api.js';
import { startCaptures } from './start-captures.js';

/** A buffered session takes a checkout this often, so the last 60 s are always playable. */
const BUFFER_CHECKOUT_INTERVAL_MS = 60_000;
/** Batches sent on page exit stay under the 64 KB keepalive/beacon limit. */
const EXIT_BATCH_BYTES = 60_000;

/**
 * The composition root: session, sampling, DOM recording, captures and transport wired
 * together. Every piece of state lives in this closure, so two recorders share nothing
 * (except rrweb's own module state: one DOM recording per page).
 */
export function createRecorder(
  options: ResolvedRecorderOptions,
  env: RecorderEnvironment = createBrowserEnvironment(),
): SightlineRecorder {
  const { clock, random, storage } = env;
  const reporter = createErrorReporter(options.onInternalError);
  const storagePrefix = `sightline:${options.key}:`;
  const keyQuery = `key=${encodeURIComponent(options.key)}`;
  let stopped = false;
  let stopping: Promise<void> | undefined;

  const sessions = createSessionManager({
    store: createSessionStore(storage, `${storagePrefix}session`, reporter),
    clock,
    createId: env.createSessionId,
  });
  const configCache = createConfigCache(storage, `${storagePrefix}config`);
  const cachedConfig = options.remoteConfig ? configCache.load() : undefined;
  let settings: EffectiveSettings = mergeRemoteConfig(options, cachedConfig);

  const writeCookie = (): void => {
    if (!options.cookie || typeof document === 'undefined') return;
    try {
      writeSessionCookie(document, sessions.session.id, globalThis.location?.protocol === 'https:');
    } catch (error) {
      reporter.report(error, 'storage_failed');
    }
  };
  writeCookie();

  const { journal, uploader, batcher } = createTransport({
    options,
    env,
    sessions,
    reporter,
    storagePrefix,
    onDropped: (dropped) =>
      emit('dropped', { reason: 'offline-overflow', count: dropped.events, bytes: dropped.bytes }),
  });

  const dom = createDomRecorder({
    clock,
    reporter,
    emit: (event) => record(event),
    getPrivacy: () => ({ ...settings, maskSelector: options.maskSelector, blockSelector: options.blockSelector }),
    mutationLimit: options.mutationLimit,
    onStorm: (count) => emit('dropped', { reason: 'mutation-storm', count }),
  });

  const sampling = createSamplingController({
    sessions,
    random,
    getSettings: () => settings,
    buffer: createRollingBuffer({ windowMs: BUFFER_CHECKOUT_INTERVAL_MS, maxBytes: options.maxBufferBytes }),
    upload: (event) => {
      batcher.add(event);
      // a snapshot leaves at once: it is what a page left within 5 s most needs
      if (event.type === EventType.FullSnapshot) batcher.flush();
    },
    flushUpload: () => batcher.flush(),
    emit: (kind, payload) => emit(kind, payload),
    requestCheckout: () => dom.takeCheckout(),
  });

  let lastCheckoutMs = clock.now();

  /** Rotates an expired session: the old one's batch goes first, under its own ID. */
  const ensureFreshSession = (snapshotNow: boolean): void => {
    if (!sessions.isExpired()) return;
    batcher.flush();
    sessions.rotate();
    writeCookie();
    sampling.onSessionRotated();
    // a new session starts with a snapshot, or nothing before the next checkout plays
    if (snapshotNow) dom.takeCheckout();
    else clock.setTimeout(() => dom.takeCheckout(), 0);
  };

  /** Every event, rrweb's or ours, enters here, in order. */
  function record(event: RecorderEvent): void {
    if (stopped) return;
    try {
      ensureFreshSession(event.type !== EventType.Meta && event.type !== EventType.FullSnapshot);
      if (isUserActivity(event)) sessions.touch();
      if (event.type === EventType.Meta) lastCheckoutMs = event.timestamp;
      sampling.route(toRecordedEvent(event));
      const interval = sampling.mode === 'full' ? options.checkoutIntervalMs : BUFFER_CHECKOUT_INTERVAL_MS;
      if (event.type === EventType.IncrementalSnapshot && event.timestamp - lastCheckoutMs > interval) {
        dom.takeCheckout();
      }
    } catch (error) {
      reporter.report(error);
    }
  }

  function emit(kind: SightlineEventKind, payload: Record<string, unknown>): void {
    record({ type: EventType.Custom, data: { tag: `sightline.${kind}`, payload }, timestamp: clock.now() });
  }

  const applySettings = (next: EffectiveSettings): void => {
    const stricter = isStricterThan(next, settings);
    settings = next;
    if (stricter) {
      // what was buffered under the weaker mode never leaves the browser
      if (sampling.mode !== 'full') sampling.dropBufferedDom();
      dom.restart();
    }
    sampling.onSettingsChanged();
  };

  const loadRemoteConfig = async (): Promise<void> => {
    const result = await fetchRemoteConfig({
      url: `${options.endpoint}/v1/config?${keyQuery}`,
      fetch: env.fetch,
      clock,
      timeoutMs: options.remoteConfigTimeoutMs,
    });
    if (stopped) return;
    if (result.status === 'success') {
      configCache.save(result.config);
      applySettings(mergeRemoteConfig(options, result.config));
    } else {
      reporter.report(result.error, result.error.code);
    }
    sampling.decide();
  };

  const context: CaptureContext = {
    emit: (kind, payload) => emit(kind, payload),
    getSessionId: () => currentSessionId(false),
    trigger: (reason) => {
      if (stopped) return;
      try {
        sampling.trigger(reason);
      } catch (error) {
        reporter.report(error);
      }
    },
    reportInternalError: (error) => reporter.report(error, 'capture_failed'),
  };

  const currentSessionId = (snapshotNow: boolean): string => {
    try {
      if (!stopped) ensureFreshSession(snapshotNow);
    } catch (error) {
      reporter.report(error);
    }
    return sessions.session.id;
  };

  // unsent batches of an earlier page of this session go first
  for (const batch of journal.take()) uploader.enqueue(batch);

  dom.start();
  let stopCaptures: StopCapture = () => {};
  try {
    stopCaptures = startCaptures(context, options);
  } catch (error) {
    reporter.report(error, 'capture_failed');
  }
  // the cached answer already set privacy for the first snapshot: no need to wait again
  if (!options.remoteConfig || cachedConfig !== undefined) sampling.decide();
  if (options.remoteConfig) loadRemoteConfig().catch((error: unknown) => reporter.report(error));

  const stopLifecycle = listenPageLifecycle(
    {
      onHidden() {
        sessions.persist();
        batcher.flush();
        uploader.onHidden();
      },
      onVisible: () => uploader.onVisible(),
      onPageHide() {
        sessions.persist();
        batcher.flush(EXIT_BATCH_BYTES);
        uploader.flushOnExit();
      },
      onPageRestored: () => uploader.onVisible(),
    },
    reporter,
  );

  return {
    identify(userId, traits = {}) {
      if (typeof userId !== 'string' || userId === '' || typeof traits !== 'object' || traits === null) {
        reporter.report(
          new SightlineError('invalid_option', 'identify(userId, traits): expected a non-empty string and an object'),
        );
        return;
      }
      emit('identify', { userId, traits });
      try {
        sampling.setTraits({ ...traits, userId });
      } catch (error) {
        reporter.report(error);
      }
    },
    track(name, properties = {}) {
      if (typeof name !== 'string' || name === '') {
        reporter.report(new SightlineError('invalid_option', 'track(name, properties): expected a non-empty name'));
        return;
      }
      emit('track', { name, properties });
    },
    getSessionId: () => currentSessionId(true),
    captureNow(reason = 'manual') {
      if (stopped) return;
      emit('capture', { reason: String(reason) });
      context.trigger('capture-now');
      try {
        batcher.flush();
      } catch (error) {
        reporter.report(error);
      }
    },
    stop() {
      if (stopping !== undefined) return stopping;
      for (const step of [
        stopCaptures,
        dom.stop,
        stopLifecycle,
        () => batcher.flush(),
        batcher.stop,
        sessions.persist,
      ]) {
        try {
          step();
        } catch (error) {
          reporter.report(error);
        }
      }
      stopped = true;
      stopping = uploader.stop().catch((error: unknown) => reporter.report(error));
      return stopping;
    },
  };
}
