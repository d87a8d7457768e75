import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideSessionSampling, evaluateTrigger } from '../../src/sampling/sampler.js';
import { matchesSegmentRules } from '../../src/sampling/segment-rules.js';

describe('sampler', () => {
  it('samples by sessionSampleRate', () => {
    assert.equal(
      decideSessionSampling(0.1, () => 0.05),
      'full',
    );
    assert.equal(
      decideSessionSampling(0.1, () => 0.1),
      'buffered',
    );
    assert.equal(
      decideSessionSampling(0, () => 0),
      'buffered',
    );
    assert.equal(
      decideSessionSampling(1, () => 0.999),
      'full',
    );
  });

  it('rolls errorSampleRate once per session', () => {
    assert.deepEqual(
      evaluateTrigger('error', { errorTrigger: undefined }, 0.5, () => 0.4),
      {
        upload: true,
        errorTrigger: 'accepted',
      },
    );
    assert.deepEqual(
      evaluateTrigger('failed-request', { errorTrigger: undefined }, 0.5, () => 0.6),
      {
        upload: false,
        errorTrigger: 'rejected',
      },
    );
    assert.deepEqual(
      evaluateTrigger('error', { errorTrigger: 'rejected' }, 1, () => 0),
      { upload: false },
    );
  });

  it('always keeps a support ticket or a matching segment', () => {
    assert.deepEqual(
      evaluateTrigger('capture-now', { errorTrigger: 'rejected' }, 0, () => 0.9),
      { upload: true },
    );
    assert.deepEqual(
      evaluateTrigger('segment', { errorTrigger: undefined }, 0, () => 0.9),
      { upload: true },
    );
  });

  it('matches segment rules on traits', () => {
    const rules = [{ trait: 'plan', equals: 'enterprise' }];
    assert.equal(matchesSegmentRules(rules, { plan: 'enterprise' }), true);
    assert.equal(matchesSegmentRules(rules, { plan: 'free' }), false);
    assert.equal(matchesSegmentRules(rules, {}), false);
    assert.equal(matchesSegmentRules([{ trait: 'beta', equals: true }], { beta: true }), true);
    assert.equal(matchesSegmentRules([{ trait: 'toString', equals: 'x' }], {}), false, 'own traits only');
  });
});
