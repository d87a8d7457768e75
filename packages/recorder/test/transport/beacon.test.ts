import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createExitSender } from '../../src/transport/beacon.js';

describe('exit sender', () => {
  it('prefers a keepalive fetch without credentials, within the 64 KB budget', () => {
    const requests: RequestInit[] = [];
    const send = createExitSender({
      url: 'https://s.example/v1/replay?key=k',
      fetch: (_url, init) => {
        requests.push(init);
        return Promise.resolve(new Response());
      },
      sendBeacon: undefined,
      supportsKeepalive: true,
    });
    assert.equal(send('x'.repeat(40_000)), true);
    assert.equal(send('x'.repeat(30_000)), false, 'over the budget in flight');
    assert.equal(send('x'.repeat(20_000)), true);
    assert.equal(requests[0]?.keepalive, true);
    assert.equal(requests[0]?.credentials, 'omit');
    send.resetBudget();
    assert.equal(send('x'.repeat(30_000)), true);
  });

  it('falls back to sendBeacon, which may refuse', () => {
    const beacons: string[] = [];
    let accept = true;
    const send = createExitSender({
      url: 'https://s.example/v1/replay?key=k',
      fetch: undefined,
      sendBeacon: (url) => {
        beacons.push(url);
        return accept;
      },
      supportsKeepalive: false,
    });
    assert.equal(send('{}'), true);
    accept = false;
    assert.equal(send('{}'), false);
    assert.equal(beacons.length, 2);
  });
});
