import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SightlineEventKind } from '../../src/capture/capture.js';
import type { EffectiveSettings } from '../../src/config/effective-settings.js';
import { createErrorReporter } from '../../src/internal/error-reporter.js';
import { createMemoryStorage } from '../../src/internal/key-value-storage.js';
import { createRollingBuffer } from '../../src/sampling/rolling-buffer.js';
import { createSamplingController } from '../../src/sampling/sampling-controller.js';
import { createSessionManager } from '../../src/session/session-manager.js';
import { createSessionStore } from '../../src/session/session-store.js';
import type { RecordedEvent } from '../../src/transport/recorded-event.js';
import { customEvent, incrementalEvent, metaEvent } from '../helpers/events.js';
import { createFakeClock } from '../helpers/fake-clock.js';

function setup(settings: Partial<EffectiveSettings> = {}, randomValue = 0.5) {
  const clock = createFakeClock();
  const storage = createMemoryStorage();
  const sessions = createSessionManager({
    store: createSessionStore(
      storage,
      'session',
      createErrorReporter(() => {}),
    ),
    clock,
    createId: () => 'session-0001',
  });
  const uploaded: RecordedEvent[] = [];
  const emitted: [SightlineEventKind, Record<string, unknown>][] = [];
  let flushes = 0;
  let checkouts = 0;
  const effective: EffectiveSettings = {
    sessionSampleRate: 1,
    errorSampleRate: 1,
    privacyMode: 'mask-inputs',
    maskAllInputs: true,
    segmentRules: [],
    ...settings,
  };
  const controller = createSamplingController({
    sessions,
    random: () => randomValue,
    getSettings: () => effective,
    buffer: createRollingBuffer({ maxBytes: 1_000_000 }),
    upload: (event) => uploaded.push(event),
    flushUpload: () => flushes++,
    emit: (kind, payload) => {
      emitted.push([kind, payload]);
      controller.route(customEvent(clock.now(), `sightline.${kind}`));
    },
    requestCheckout: () => checkouts++,
  });
  return { controller, sessions, uploaded, emitted, flushes: () => flushes, checkouts: () => checkouts };
}

describe('sampling controller', () => {
  it('buffers until decided, then uploads the buffer of a sampled session', () => {
    const { controller, uploaded, emitted, sessions } = setup({ sessionSampleRate: 1 });
    controller.route(metaEvent(1));
    controller.route(incrementalEvent(2));
    assert.equal(controller.mode, 'pending');
    assert.equal(uploaded.length, 0, 'nothing leaves before /v1/config answers');
    controller.decide();
    assert.equal(controller.mode, 'full');
    assert.equal(sessions.session.sampling, 'full');
    assert.deepEqual(emitted[0], ['session', { sampled: 'full' }]);
    assert.deepEqual(uploaded.map((event) => event.timestamp).slice(0, 2), [1, 2]);
  });

  it('keeps an unsampled session buffered until an error, then uploads it', () => {
    const { controller, uploaded, emitted, flushes } = setup({ sessionSampleRate: 0.1 }, 0.5);
    controller.decide();
    controller.route(metaEvent(1));
    controller.route(incrementalEvent(2));
    assert.equal(controller.mode, 'buffered');
    assert.equal(uploaded.length, 0);
    controller.trigger('error');
    assert.equal(controller.mode, 'full');
    assert.ok(
      uploaded.some((event) => event.timestamp === 2),
      'the buffer is uploaded',
    );
    assert.deepEqual(emitted.at(-1), ['session', { sampled: 'full', trigger: 'error' }]);
    assert.equal(flushes(), 1, 'and sent at once');
  });

  it('applies errorSampleRate to error triggers, once, and persists the roll', () => {
    const { controller, sessions } = setup({ sessionSampleRate: 0, errorSampleRate: 0.2 }, 0.5);
    controller.decide();
    controller.trigger('error');
    assert.equal(controller.mode, 'buffered');
    assert.equal(sessions.session.errorTrigger, 'rejected');
    controller.trigger('capture-now');
    assert.equal(controller.mode, 'full', 'a support ticket always wins');
  });

  it('holds triggers that fire before the decision', () => {
    const { controller } = setup({ sessionSampleRate: 0 });
    controller.trigger('failed-request');
    assert.equal(controller.mode, 'pending');
    controller.decide();
    assert.equal(controller.mode, 'full');
  });

  it('records a matching segment in full', () => {
    const { controller, emitted } = setup({
      sessionSampleRate: 0,
      segmentRules: [{ trait: 'plan', equals: 'enterprise' }],
    });
    controller.decide();
    controller.setTraits({ plan: 'free' });
    assert.equal(controller.mode, 'buffered');
    controller.setTraits({ plan: 'enterprise' });
    assert.equal(controller.mode, 'full');
    assert.deepEqual(emitted.at(-1), ['session', { sampled: 'full', trigger: 'segment' }]);
  });

  it('keeps a persisted decision and does not announce it again', () => {
    const { controller, sessions, emitted } = setup({ sessionSampleRate: 1 });
    sessions.setSampling('buffered');
    controller.decide();
    assert.equal(controller.mode, 'buffered');
    assert.equal(emitted.length, 0);
  });

  it('announces a rotated session with its predecessor', () => {
    const { controller, sessions, emitted } = setup({ sessionSampleRate: 1 });
    controller.decide();
    sessions.rotate();
    controller.onSessionRotated();
    assert.deepEqual(emitted.at(-1), ['session', { previousSessionId: 'session-0001', sampled: 'full' }]);
  });
});
