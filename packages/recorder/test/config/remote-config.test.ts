import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isStricterThan, mergeRemoteConfig, stricterPrivacyMode } from '../../src/config/effective-settings.js';
import { fetchRemoteConfig, parseRemoteConfig } from '../../src/config/remote-config.js';
import { createFakeClock } from '../helpers/fake-clock.js';

const local = {
  sessionSampleRate: 0.5,
  errorSampleRate: 1,
  privacyMode: 'mask-inputs' as const,
  maskAllInputs: true,
  segmentRules: [],
};

describe('remote config', () => {
  it('keeps valid fields and ignores the rest', () => {
    assert.deepEqual(
      parseRemoteConfig({
        sessionSampleRate: 0.1,
        errorSampleRate: 7,
        privacyMode: 'mask-all',
        segmentRules: [{ trait: 'plan', equals: 'enterprise' }, { trait: 3 }],
        unknown: true,
      }),
      { sessionSampleRate: 0.1, privacyMode: 'mask-all', segmentRules: [{ trait: 'plan', equals: 'enterprise' }] },
    );
    assert.deepEqual(parseRemoteConfig('nope'), {});
  });

  it('lets the server win on rates and rules', () => {
    const merged = mergeRemoteConfig(local, {
      sessionSampleRate: 0.01,
      segmentRules: [{ trait: 'beta', equals: true }],
    });
    assert.equal(merged.sessionSampleRate, 0.01);
    assert.equal(merged.errorSampleRate, 1, 'a field the server leaves out keeps the local value');
    assert.deepEqual(merged.segmentRules, [{ trait: 'beta', equals: true }]);
  });

  it('takes the stricter privacy mode of the two', () => {
    assert.equal(mergeRemoteConfig(local, { privacyMode: 'none' }).privacyMode, 'mask-inputs');
    assert.equal(mergeRemoteConfig(local, { privacyMode: 'mask-all' }).privacyMode, 'mask-all');
    assert.equal(stricterPrivacyMode('mask-all', 'none'), 'mask-all');
    const unmasked = { ...local, privacyMode: 'none' as const, maskAllInputs: false };
    assert.equal(mergeRemoteConfig(unmasked, {}).maskAllInputs, false, "only 'none' with an explicit false unmasks");
    assert.equal(mergeRemoteConfig(unmasked, { privacyMode: 'mask-inputs' }).maskAllInputs, true);
    assert.equal(
      isStricterThan(mergeRemoteConfig(unmasked, { privacyMode: 'mask-inputs' }), mergeRemoteConfig(unmasked, {})),
      true,
    );
  });

  it('fetches without credentials and answers failures as values', async () => {
    const clock = createFakeClock();
    const requests: RequestInit[] = [];
    const ok = await fetchRemoteConfig({
      url: 'https://s.example/v1/config?key=k',
      clock,
      timeoutMs: 3000,
      fetch: async (_url, init) => {
        requests.push(init);
        return Response.json({ sessionSampleRate: 0.2 });
      },
    });
    assert.deepEqual(ok, { status: 'success', config: { sessionSampleRate: 0.2 } });
    assert.equal(requests[0]?.credentials, 'omit');
    assert.equal(clock.pendingTimers, 0, 'the timeout is cleared');

    const down = await fetchRemoteConfig({
      url: 'https://s.example/v1/config?key=k',
      clock,
      timeoutMs: 3000,
      fetch: async () => new Response('', { status: 503 }),
    });
    assert.equal(down.status, 'failure');
  });

  it('gives up at the timeout', async () => {
    const clock = createFakeClock();
    const pending = fetchRemoteConfig({
      url: 'https://s.example/v1/config?key=k',
      clock,
      timeoutMs: 3000,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted')))),
    });
    clock.advance(3000);
    assert.equal((await pending).status, 'failure');
  });
});
