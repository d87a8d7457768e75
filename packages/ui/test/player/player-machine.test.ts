import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  createInitialPlayerState,
  type PlayerEvent,
  type PlayerState,
  transition,
} from '../../src/player/player-machine';

function loaded(overrides: Partial<PlayerState> = {}): PlayerState {
  return {
    ...createInitialPlayerState(),
    status: 'paused',
    durationMs: 60_000,
    loadedUntilMs: 60_000,
    complete: true,
    ...overrides,
  };
}

function run(state: PlayerState, ...events: PlayerEvent[]) {
  let current = state;
  const effects = [];
  for (const event of events) {
    const result = transition(current, event);
    current = result.state;
    effects.push(...result.effects);
  }
  return { state: current, effects };
}

const firstPage: PlayerEvent = {
  type: 'EVENTS_LOADED',
  loadedUntilMs: 5_000,
  durationMs: 60_000,
  complete: false,
  inactivePeriods: [],
};

describe('player machine', () => {
  test('loading → ready on the first page, showing the moment from ?t=', () => {
    const result = run(createInitialPlayerState({ timeMs: 12_000 }), firstPage);
    assert.equal(result.state.status, 'ready');
    assert.equal(result.state.durationMs, 60_000);
    assert.deepEqual(result.effects, [{ type: 'show', timeMs: 12_000 }]);
  });

  test('a ?t= past the end is clamped to the end', () => {
    const result = run(createInitialPlayerState({ timeMs: 999_999 }), { ...firstPage, complete: true });
    assert.equal(result.state.timeMs, 60_000);
  });

  test('PLAY and PAUSE are ignored while loading; SEEK is remembered', () => {
    const result = run(createInitialPlayerState(), { type: 'PLAY' }, { type: 'SEEK', timeMs: 3_000 });
    assert.equal(result.state.status, 'loading');
    assert.equal(result.state.timeMs, 3_000);
    assert.deepEqual(result.effects, []);
  });

  test('ready → playing → paused, with play and pause effects', () => {
    const ready = run(createInitialPlayerState(), { ...firstPage, complete: true }).state;
    const playing = transition(ready, { type: 'PLAY' });
    assert.equal(playing.state.status, 'playing');
    assert.deepEqual(playing.effects, [{ type: 'play', timeMs: 0 }]);
    const ticked = transition(playing.state, { type: 'TICK', timeMs: 1_500 });
    const paused = transition(ticked.state, { type: 'PAUSE' });
    assert.equal(paused.state.status, 'paused');
    assert.deepEqual(paused.effects, [{ type: 'pause', timeMs: 1_500 }]);
  });

  test('ticks move the playhead; reaching the end ends', () => {
    const playing = loaded({ status: 'playing', skipInactivity: false });
    assert.equal(transition(playing, { type: 'TICK', timeMs: 30_000 }).state.timeMs, 30_000);
    const ended = transition(playing, { type: 'TICK', timeMs: 61_000 });
    assert.equal(ended.state.status, 'ended');
    assert.equal(ended.state.timeMs, 60_000);
    assert.deepEqual(ended.effects, [{ type: 'pause', timeMs: 60_000 }]);
  });

  test('PLAY after the end starts over', () => {
    const result = transition(loaded({ status: 'ended', timeMs: 60_000 }), { type: 'PLAY' });
    assert.equal(result.state.status, 'playing');
    assert.deepEqual(result.effects, [{ type: 'play', timeMs: 0 }]);
  });

  test('SEEK keeps playing when playing, pauses otherwise, and clamps', () => {
    assert.deepEqual(transition(loaded({ status: 'playing' }), { type: 'SEEK', timeMs: 10_000 }).effects, [
      { type: 'play', timeMs: 10_000 },
    ]);
    const fromEnded = transition(loaded({ status: 'ended' }), { type: 'SEEK', timeMs: -5 });
    assert.equal(fromEnded.state.status, 'paused');
    assert.deepEqual(fromEnded.effects, [{ type: 'show', timeMs: 0 }]);
    assert.equal(transition(loaded(), { type: 'SEEK', timeMs: 90_000 }).state.timeMs, 60_000);
  });

  test('SET_SPEED changes the speed once', () => {
    const faster = transition(loaded({ status: 'playing' }), { type: 'SET_SPEED', speed: 4 });
    assert.equal(faster.state.speed, 4);
    assert.deepEqual(faster.effects, [{ type: 'speed', speed: 4 }]);
    assert.equal(transition(faster.state, { type: 'SET_SPEED', speed: 4 }).state, faster.state);
  });

  test('skip inactivity jumps over idle periods while playing', () => {
    const state = loaded({ status: 'playing', inactivePeriods: [{ startMs: 10_000, endMs: 40_000 }] });
    const skipped = transition(state, { type: 'TICK', timeMs: 10_050 });
    assert.equal(skipped.state.timeMs, 40_000);
    assert.deepEqual(skipped.effects, [{ type: 'play', timeMs: 40_000 }]);
    const notSkipped = transition({ ...state, skipInactivity: false }, { type: 'TICK', timeMs: 10_050 });
    assert.equal(notSkipped.state.timeMs, 10_050);
  });

  test('turning skip inactivity on inside an idle period jumps out of it', () => {
    const state = loaded({
      status: 'playing',
      skipInactivity: false,
      timeMs: 20_000,
      inactivePeriods: [{ startMs: 10_000, endMs: 40_000 }],
    });
    const result = transition(state, { type: 'TOGGLE_SKIP_INACTIVITY' });
    assert.equal(result.state.skipInactivity, true);
    assert.deepEqual(result.effects, [{ type: 'play', timeMs: 40_000 }]);
    const off = transition(result.state, { type: 'TOGGLE_SKIP_INACTIVITY' });
    assert.equal(off.state.skipInactivity, false);
    assert.deepEqual(off.effects, []);
  });

  test('PLAY from inside an idle period starts after it', () => {
    const state = loaded({ timeMs: 15_000, inactivePeriods: [{ startMs: 10_000, endMs: 40_000 }] });
    assert.deepEqual(transition(state, { type: 'PLAY' }).effects, [{ type: 'play', timeMs: 40_000 }]);
  });

  test('playing past the loaded events buffers, and resumes when the next page arrives', () => {
    const state = loaded({ status: 'playing', skipInactivity: false, loadedUntilMs: 5_000, complete: false });
    const waiting = transition(state, { type: 'TICK', timeMs: 5_200 });
    assert.equal(waiting.state.buffering, true);
    assert.equal(waiting.state.timeMs, 5_000);
    assert.deepEqual(waiting.effects, [{ type: 'pause', timeMs: 5_000 }]);
    assert.deepEqual(transition(waiting.state, { type: 'TICK', timeMs: 9_000 }).effects, []);
    const resumed = transition(waiting.state, {
      type: 'EVENTS_LOADED',
      loadedUntilMs: 20_000,
      durationMs: 60_000,
      complete: false,
      inactivePeriods: [],
    });
    assert.equal(resumed.state.buffering, false);
    assert.deepEqual(resumed.effects, [{ type: 'play', timeMs: 5_000 }]);
  });

  test('seeking past the loaded events while playing waits there', () => {
    const state = loaded({ status: 'playing', loadedUntilMs: 5_000, complete: false });
    const result = transition(state, { type: 'SEEK', timeMs: 30_000 });
    assert.equal(result.state.buffering, true);
    assert.deepEqual(result.effects, [{ type: 'show', timeMs: 30_000 }]);
    const paused = transition(result.state, { type: 'PAUSE' });
    assert.equal(paused.state.status, 'paused');
    assert.equal(paused.state.buffering, false);
  });

  test('a later page can lengthen the session', () => {
    const result = transition(loaded({ durationMs: 10_000 }), {
      type: 'EVENTS_LOADED',
      loadedUntilMs: 12_000,
      durationMs: 10_000,
      complete: true,
      inactivePeriods: [],
    });
    assert.equal(result.state.durationMs, 12_000);
  });
});
