import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatBytes } from '../../src/format/format-bytes';
import { fromDateTimeLocalValue, toDateTimeLocalValue } from '../../src/format/format-date';
import { formatClock, formatDuration } from '../../src/format/format-duration';

describe('formatting', () => {
  test('durations', () => {
    assert.equal(formatDuration(0.42), '0.4 ms');
    assert.equal(formatDuration(38.4), '38 ms');
    assert.equal(formatDuration(1_240), '1.24 s');
    assert.equal(formatDuration(45_200), '45.2 s');
    assert.equal(formatDuration(62_010), '1m 02s');
    assert.equal(formatDuration(3_725_000), '1h 02m');
    assert.equal(formatDuration(-1), '—');
    assert.equal(formatDuration(0), '0 ms');
  });

  test('replay clock', () => {
    assert.equal(formatClock(0), '0:00');
    assert.equal(formatClock(65_042), '1:05');
    assert.equal(formatClock(65_042, true), '1:05.042');
    assert.equal(formatClock(3_723_000), '1:02:03');
    assert.equal(formatClock(-320), '-0.3s');
    assert.equal(formatClock(-20), '0:00');
    assert.equal(formatClock(-65_000), '-1:05');
    assert.equal(formatClock(-1_500), '-0:01');
  });

  test('bytes', () => {
    assert.equal(formatBytes(812), '812 B');
    assert.equal(formatBytes(4_200), '4.2 kB');
    assert.equal(formatBytes(1_300_000), '1.3 MB');
  });

  test('datetime-local values round-trip to the minute', () => {
    const time = new Date(2026, 2, 3, 14, 5).getTime();
    assert.equal(fromDateTimeLocalValue(toDateTimeLocalValue(time)), time);
    assert.equal(fromDateTimeLocalValue(''), undefined);
    assert.equal(fromDateTimeLocalValue('garbage'), undefined);
  });
});
