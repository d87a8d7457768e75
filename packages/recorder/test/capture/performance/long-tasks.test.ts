import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseLongTaskEntryType } from '../../../src/capture/performance/long-tasks.js';

describe('chooseLongTaskEntryType', () => {
  it('prefers long animation frames, falls back to long tasks', () => {
    assert.equal(chooseLongTaskEntryType(['longtask', 'long-animation-frame', 'resource']), 'long-animation-frame');
    assert.equal(chooseLongTaskEntryType(['longtask', 'resource']), 'longtask');
    assert.equal(chooseLongTaskEntryType(['resource']), undefined);
  });
});
