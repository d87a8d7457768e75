import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createPlaybackClock } from '../../src/player/playback-clock';
import { createPlayerController, type FrameScheduler } from '../../src/player/player-controller';

function setup(initialTimeMs?: number) {
  let now = 0;
  const frames: (() => void)[] = [];
  const scheduler: FrameScheduler = {
    request: (callback) => frames.push(callback),
    cancel: () => {},
  };
  const calls: string[] = [];
  const controller = createPlayerController({
    clock: createPlaybackClock(() => now),
    frames: scheduler,
    ...(initialTimeMs !== undefined ? { initialTimeMs } : {}),
  });
  return {
    controller,
    calls,
    advance(ms: number) {
      now += ms;
      const pending = frames.splice(0);
      for (const frame of pending) frame();
    },
  };
}

describe('player controller', () => {
  test('a renderer attached after loading shows the opening moment', () => {
    const { controller, calls } = setup(7_000);
    controller.dispatch({
      type: 'EVENTS_LOADED',
      loadedUntilMs: 30_000,
      durationMs: 30_000,
      complete: true,
      inactivePeriods: [],
    });
    controller.attachRenderer({
      play: (t) => calls.push(`play ${t}`),
      pause: () => calls.push('pause'),
      show: (t) => calls.push(`show ${t}`),
      setSpeed: (s) => calls.push(`speed ${s}`),
      destroy: () => calls.push('destroy'),
    });
    assert.deepEqual(calls, ['speed 1', 'show 7000']);
  });

  test('plays on the clock: each frame ticks the state, at the chosen speed', () => {
    const { controller, calls, advance } = setup();
    controller.dispatch({
      type: 'EVENTS_LOADED',
      loadedUntilMs: 30_000,
      durationMs: 30_000,
      complete: true,
      inactivePeriods: [],
    });
    controller.dispatch({ type: 'TOGGLE_SKIP_INACTIVITY' });
    controller.dispatch({ type: 'SET_SPEED', speed: 2 });
    controller.dispatch({ type: 'PLAY' });
    advance(1_000);
    assert.equal(controller.getState().timeMs, 2_000);
    advance(500);
    assert.equal(controller.getState().timeMs, 3_000);
    controller.dispatch({ type: 'PAUSE' });
    advance(1_000);
    assert.equal(controller.getState().timeMs, 3_000);
    assert.equal(controller.getState().status, 'paused');
    assert.deepEqual(calls, []);
  });

  test('subscribers hear about changes; destroy stops everything', () => {
    const { controller, advance } = setup();
    const seen: string[] = [];
    const unsubscribe = controller.subscribe((state) => seen.push(state.status));
    controller.dispatch({
      type: 'EVENTS_LOADED',
      loadedUntilMs: 30_000,
      durationMs: 30_000,
      complete: true,
      inactivePeriods: [],
    });
    controller.dispatch({ type: 'PLAY' });
    unsubscribe();
    advance(100);
    assert.deepEqual(seen, ['ready', 'playing']);
    controller.destroy();
    controller.dispatch({ type: 'PAUSE' });
    assert.equal(controller.getState().status, 'playing');
  });

  test('carries effects out on the renderer', () => {
    const { controller, calls, advance } = setup();
    controller.attachRenderer({
      play: (t) => calls.push(`play ${t}`),
      pause: () => calls.push('pause'),
      show: (t) => calls.push(`show ${t}`),
      setSpeed: (s) => calls.push(`speed ${s}`),
      destroy: () => calls.push('destroy'),
    });
    controller.dispatch({
      type: 'EVENTS_LOADED',
      loadedUntilMs: 10_000,
      durationMs: 10_000,
      complete: true,
      inactivePeriods: [],
    });
    controller.dispatch({ type: 'PLAY' });
    controller.dispatch({ type: 'SEEK', timeMs: 4_000 });
    advance(20_000);
    controller.destroy();
    assert.deepEqual(calls, ['speed 1', 'show 0', 'play 0', 'play 4000', 'pause', 'destroy']);
    assert.equal(controller.getState().status, 'ended');
  });
});
