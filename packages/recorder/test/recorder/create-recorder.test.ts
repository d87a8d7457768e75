import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import type { SightlineError } from '../../src/errors.js';
import { createMemoryStorage } from '../../src/internal/key-value-storage.js';
import { type RecorderOptions, resolveRecorderOptions } from '../../src/options.js';
import { createRecorder } from '../../src/recorder/create-recorder.js';
import type { RecorderEnvironment } from '../../src/recorder/environment.js';
import { createFakeClock } from '../helpers/fake-clock.js';

/**
 * The composition in Node: no DOM, so rrweb and the captures stay off (their failures go
 * to onInternalError), but sessions, sampling, remote config and transport run for real.
 */
interface ReceivedBatch {
  sessionId: string;
  seq: number;
  previousSessionId?: string;
  events: { type: number; data: { tag?: string; payload?: Record<string, unknown> } }[];
}

function setup(options: Partial<RecorderOptions> = {}, config: Record<string, unknown> = {}) {
  const clock = createFakeClock();
  const storage = createMemoryStorage();
  const batches: ReceivedBatch[] = [];
  const configRequests: string[] = [];
  const errors: SightlineError[] = [];
  let ids = 0;
  let serverUp = true;
  const env: RecorderEnvironment = {
    clock,
    random: () => 0.5,
    storage,
    createSessionId: () => `session-${String(++ids).padStart(4, '0')}`,
    fetch: async (url, init) => {
      if (url.includes('/v1/config')) {
        configRequests.push(url);
        return Response.json(config);
      }
      if (!serverUp) throw new TypeError('Failed to fetch');
      const body = Buffer.from(init.body as Uint8Array);
      batches.push(JSON.parse(gunzipSync(body).toString('utf8')));
      return new Response('{}');
    },
  };
  const resolved = resolveRecorderOptions(
    {
      key: 'ingest-key',
      endpoint: 'https://sightline.example',
      network: false,
      console: false,
      performance: false,
      errors: false,
      navigation: false,
      cookie: false,
      onInternalError: (error) => errors.push(error),
      ...options,
    },
    'https://shop.example/',
  );
  const open = () => createRecorder(resolved, env);
  const tags = () => batches.flatMap((batch) => batch.events.map((event) => event.data.tag));
  return {
    clock,
    storage,
    batches,
    configRequests,
    errors,
    open,
    tags,
    setServerUp: (up: boolean) => {
      serverUp = up;
    },
  };
}

/** Compression runs on real streams: wait in real time, not on the fake clock. */
async function waitUntil(predicate: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('createRecorder (composition, no DOM)', () => {
  it('asks /v1/config, then uploads a sampled session in batches', async () => {
    const { clock, open, batches, configRequests, tags } = setup();
    const recorder = open();
    assert.deepEqual(configRequests, ['https://sightline.example/v1/config?key=ingest-key']);
    recorder.track('checkout', { total: 12 });
    await clock.advanceAsync(5000);
    await waitUntil(() => batches.length > 0, 'a batch');
    const [batch] = batches;
    assert.equal(batch?.sessionId, 'session-0001');
    assert.equal(batch?.seq, 0);
    assert.deepEqual(tags(), ['sightline.track', 'sightline.session']);
    assert.equal(recorder.getSessionId(), 'session-0001');
    await recorder.stop();
  });

  it('keeps an unsampled session in memory until captureNow', async () => {
    const { clock, open, batches, tags } = setup({}, { sessionSampleRate: 0 });
    const recorder = open();
    recorder.track('browse', {});
    await clock.advanceAsync(30_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(batches.length, 0, 'the server decided: buffered');
    recorder.captureNow('ticket-7');
    await waitUntil(() => tags().includes('sightline.capture'), 'the buffer');
    assert.deepEqual(tags(), ['sightline.track', 'sightline.session', 'sightline.capture', 'sightline.session']);
    const upgrade = batches.flatMap((batch) => batch.events).at(-1);
    assert.deepEqual(upgrade?.data.payload, { sampled: 'full', trigger: 'capture-now' });
    await recorder.stop();
  });

  it('rotates after 30 idle minutes: the old batch keeps its ID, the new one links back', async () => {
    const { clock, open, batches } = setup();
    const recorder = open();
    await clock.advanceAsync(1);
    recorder.track('first', {});
    await clock.advanceAsync(31 * 60_000);
    recorder.track('second', {});
    await clock.advanceAsync(5000);
    await waitUntil(() => batches.some((batch) => batch.sessionId === 'session-0002'), 'the new session');
    const first = batches.find((batch) => batch.sessionId === 'session-0001');
    const second = batches.find((batch) => batch.sessionId === 'session-0002');
    assert.ok(first?.events.some((event) => event.data.payload?.name === 'first'));
    assert.equal(second?.seq, 0);
    assert.equal(second?.previousSessionId, 'session-0001');
    const sessionEvent = second?.events.find((event) => event.data.tag === 'sightline.session');
    assert.deepEqual(sessionEvent?.data.payload, { previousSessionId: 'session-0001', sampled: 'full' });
    assert.ok(second?.events.some((event) => event.data.payload?.name === 'second'));
    await recorder.stop();
  });

  it('continues the session and its seq on the next page load', async () => {
    const { clock, open, batches } = setup();
    const first = open();
    first.track('page-1', {});
    await clock.advanceAsync(5000);
    await waitUntil(() => batches.length === 1, 'page 1');
    await first.stop();
    const second = open();
    second.track('page-2', {});
    await clock.advanceAsync(5000);
    await waitUntil(() => batches.length === 2, 'page 2');
    assert.deepEqual(
      batches.map((batch) => [batch.sessionId, batch.seq]),
      [
        ['session-0001', 0],
        ['session-0001', 1],
      ],
    );
    await second.stop();
  });

  it('hands unsent batches to the next page load when stopped while the server is down', async () => {
    const { clock, open, batches, setServerUp } = setup();
    setServerUp(false);
    const first = open();
    first.track('offline', {});
    await clock.advanceAsync(5000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await first.stop();
    assert.equal(batches.length, 0);
    setServerUp(true);
    const second = open();
    await clock.advanceAsync(1);
    await waitUntil(() => batches.length > 0, 'the journaled batch');
    assert.ok(batches[0]?.events.some((event) => event.data.payload?.name === 'offline'));
    await second.stop();
  });

  it('never throws into the page, and reports through onInternalError', async () => {
    const { open, errors } = setup();
    const recorder = open();
    assert.doesNotThrow(() => recorder.identify(42 as unknown as string));
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    assert.doesNotThrow(() => recorder.track('cyclic', cyclic));
    assert.ok(errors.some((error) => error.code === 'invalid_option'));
    assert.ok(errors.some((error) => /circular/i.test(error.message)));
    await recorder.stop();
  });
});
