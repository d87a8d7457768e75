import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fitViewport } from '../../src/player/fit-viewport';
import { findInactivePeriods, findPeriodAt } from '../../src/player/inactive-periods';
import { type KeyPress, readPlayerShortcut } from '../../src/player/keyboard-shortcuts';
import { createPlaybackClock } from '../../src/player/playback-clock';
import { createInitialPlayerState } from '../../src/player/player-machine';

describe('playback clock', () => {
  test('runs at the chosen speed from where it started, and holds when stopped', () => {
    let now = 1_000;
    const clock = createPlaybackClock(() => now);
    assert.equal(clock.read(), 0);
    clock.start(5_000, 2);
    now += 500;
    assert.equal(clock.read(), 6_000);
    clock.setSpeed(8);
    now += 100;
    assert.equal(clock.read(), 6_800);
    clock.stop(6_800);
    now += 10_000;
    assert.equal(clock.read(), 6_800);
    assert.equal(clock.running, false);
  });
});

describe('inactive periods', () => {
  test('gaps between inputs longer than the threshold, keeping a second at each edge', () => {
    const periods = findInactivePeriods([2_000, 3_000, 30_000, 31_000], 0, 33_000, 10_000);
    assert.deepEqual(periods, [{ startMs: 4_000, endMs: 29_000 }]);
  });

  test('a quiet start and a quiet end are idle too; the end skips to the very end', () => {
    const periods = findInactivePeriods([20_000], 0, 60_000, 10_000);
    assert.deepEqual(periods, [
      { startMs: 1_000, endMs: 19_000 },
      { startMs: 21_000, endMs: 60_000 },
    ]);
  });

  test('no input at all: everything after the first second is idle', () => {
    assert.deepEqual(findInactivePeriods([], 0, 30_000, 10_000), [{ startMs: 1_000, endMs: 30_000 }]);
    assert.deepEqual(findInactivePeriods([], 0, 5_000, 10_000), []);
  });

  test('finds the period at a time', () => {
    const periods = [
      { startMs: 10, endMs: 20 },
      { startMs: 40, endMs: 50 },
    ];
    assert.equal(findPeriodAt(periods, 15), periods[0]);
    assert.equal(findPeriodAt(periods, 40), periods[1]);
    assert.equal(findPeriodAt(periods, 50), undefined);
    assert.equal(findPeriodAt(periods, 30), undefined);
    assert.equal(findPeriodAt([], 30), undefined);
  });
});

describe('keyboard shortcuts', () => {
  const key = (value: string, extra: Partial<KeyPress> = {}): KeyPress => ({
    key: value,
    shiftKey: false,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    ...extra,
  });
  const paused = { ...createInitialPlayerState(), status: 'paused' as const, timeMs: 20_000 };

  test('space toggles, arrows seek 5 s or 15 s with Shift, Home goes to the start', () => {
    assert.deepEqual(readPlayerShortcut(key(' '), paused), { type: 'PLAY' });
    assert.deepEqual(readPlayerShortcut(key(' '), { ...paused, status: 'playing' }), { type: 'PAUSE' });
    assert.deepEqual(readPlayerShortcut(key('ArrowLeft'), paused), { type: 'SEEK', timeMs: 15_000 });
    assert.deepEqual(readPlayerShortcut(key('ArrowRight', { shiftKey: true }), paused), {
      type: 'SEEK',
      timeMs: 35_000,
    });
    assert.deepEqual(readPlayerShortcut(key('ArrowLeft'), { ...paused, timeMs: 1_000 }), { type: 'SEEK', timeMs: 0 });
    assert.deepEqual(readPlayerShortcut(key('Home'), paused), { type: 'SEEK', timeMs: 0 });
  });

  test('never while typing, with a modifier, or for space on a button', () => {
    assert.equal(readPlayerShortcut(key(' ', { targetTag: 'INPUT' }), paused), undefined);
    assert.equal(readPlayerShortcut(key('ArrowLeft', { targetTag: 'textarea' }), paused), undefined);
    assert.equal(readPlayerShortcut(key(' ', { targetEditable: true }), paused), undefined);
    assert.equal(readPlayerShortcut(key('ArrowLeft', { metaKey: true }), paused), undefined);
    assert.equal(readPlayerShortcut(key(' ', { targetTag: 'BUTTON' }), paused), undefined);
    assert.equal(readPlayerShortcut(key('x'), paused), undefined);
  });
});

describe('fitting the recorded viewport', () => {
  test('scales down to fit whole and centres', () => {
    assert.deepEqual(fitViewport({ width: 640, height: 600 }, { width: 1280, height: 720 }), {
      scale: 0.5,
      left: 0,
      top: 120,
    });
  });

  test('never enlarges past 1:1', () => {
    assert.deepEqual(fitViewport({ width: 2000, height: 1000 }, { width: 400, height: 800 }), {
      scale: 1,
      left: 800,
      top: 100,
    });
  });

  test('degenerate sizes fall back to identity', () => {
    assert.deepEqual(fitViewport({ width: 0, height: 0 }, { width: 100, height: 100 }), { scale: 1, left: 0, top: 0 });
  });
});
