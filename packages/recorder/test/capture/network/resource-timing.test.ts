import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createResourceTimingMatcher } from '../../../src/capture/network/resource-timing.js';

type Entry = PerformanceResourceTiming;

function entry(name: string, initiatorType: string, startTime: number): Entry {
  return {
    name,
    initiatorType,
    startTime,
    responseEnd: startTime + 10,
    encodedBodySize: 5,
    serverTiming: [],
  } as unknown as Entry;
}

function setUp(waitMs = 20) {
  let deliver: (entries: Entry[]) => void = () => {};
  let disconnected = false;
  const unclaimed: Entry[] = [];
  const matcher = createResourceTimingMatcher({
    waitMs,
    report: (error) => {
      throw error;
    },
    onUnclaimedEntry: (found) => unclaimed.push(found),
    observe: (onEntries) => {
      deliver = onEntries;
      return {
        disconnect: () => {
          disconnected = true;
        },
      };
    },
  });
  return { matcher, deliver: (...entries: Entry[]) => deliver(entries), unclaimed, isDisconnected: () => disconnected };
}

const settled = (expectation: { settle(done: (found: Entry | undefined) => void): void }) =>
  new Promise<Entry | undefined>((resolve) => expectation.settle(resolve));

describe('createResourceTimingMatcher', () => {
  it('hands a finished request the entry that arrives after it', async () => {
    const { matcher, deliver } = setUp(1000);
    const request = matcher.expect(new URL('https://a.example/api#x'), 'fetch', 100);
    const done = settled(request);
    const found = entry('https://a.example/api', 'fetch', 100.5);
    deliver(found);
    assert.equal(await done, found);
  });

  it('keeps an entry that arrives before the request finished', async () => {
    const { matcher, deliver } = setUp(1000);
    const request = matcher.expect(new URL('https://a.example/api'), 'xhr', 100);
    const found = entry('https://a.example/api', 'xmlhttprequest', 101);
    deliver(found);
    assert.equal(await settled(request), found);
  });

  it('gives up after the wait and then swallows the late entry', async () => {
    const { matcher, deliver, unclaimed } = setUp(10);
    const request = matcher.expect(new URL('https://a.example/api'), 'fetch', 100);
    assert.equal(await settled(request), undefined);
    deliver(entry('https://a.example/api', 'fetch', 101));
    assert.deepEqual(unclaimed, []);
  });

  it('matches concurrent requests to the same URL by start time', async () => {
    const { matcher, deliver } = setUp(1000);
    const first = matcher.expect(new URL('https://a.example/api'), 'fetch', 100);
    const second = matcher.expect(new URL('https://a.example/api'), 'fetch', 200);
    const secondEntry = entry('https://a.example/api', 'fetch', 201);
    const firstEntry = entry('https://a.example/api', 'fetch', 101);
    deliver(secondEntry, firstEntry);
    assert.equal(await settled(first), firstEntry);
    assert.equal(await settled(second), secondEntry);
  });

  it('does not match across initiator types or earlier starts', () => {
    const { matcher, deliver, unclaimed } = setUp();
    matcher.expect(new URL('https://a.example/api'), 'fetch', 100);
    const image = entry('https://a.example/api', 'img', 101);
    const earlier = entry('https://a.example/api', 'fetch', 50);
    deliver(image, earlier);
    assert.deepEqual(unclaimed, [image, earlier]);
  });

  it('settles waiting requests on flush, forgets unfinished ones on stop', async () => {
    const { matcher, isDisconnected } = setUp(60_000);
    const finished = matcher.expect(new URL('https://a.example/a'), 'beacon', 1);
    const done = settled(finished);
    const inFlight = matcher.expect(new URL('https://a.example/b'), 'fetch', 2);
    matcher.flush();
    assert.equal(await done, undefined);
    matcher.stop();
    assert.ok(isDisconnected());
    let called = false;
    inFlight.settle(() => {
      called = true;
    });
    assert.equal(called, false);
  });
});
