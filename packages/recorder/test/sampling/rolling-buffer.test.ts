import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EventType } from '../../src/internal/rrweb-events.js';
import { createRollingBuffer } from '../../src/sampling/rolling-buffer.js';
import { customEvent, incrementalEvent, metaEvent, snapshotEvent } from '../helpers/events.js';

const SECOND = 1000;

describe('rolling buffer', () => {
  it('always holds at least the last 60 s, starting at a checkout', () => {
    const buffer = createRollingBuffer({ windowMs: 60 * SECOND, maxBytes: 10_000_000 });
    // a checkout every 60 s, an event every second, for 5 minutes
    for (let t = 0; t <= 300 * SECOND; t += SECOND) {
      if (t % (60 * SECOND) === 0) {
        buffer.add(metaEvent(t));
        buffer.add(snapshotEvent(t));
      }
      buffer.add(incrementalEvent(t));
      const events = [...peek(buffer)];
      const first = events[0];
      assert.equal(first?.type, EventType.Meta, `at ${t} ms the buffer starts at a checkout`);
      if (t >= 60 * SECOND) assert.ok((first?.timestamp ?? t) <= t - 60 * SECOND, `at ${t} ms it covers 60 s`);
      assert.ok((first?.timestamp ?? 0) > t - 120 * SECOND - 1, `at ${t} ms it holds at most two segments`);
    }
  });

  it('keeps the older segment while the newer one is shorter than the window', () => {
    const buffer = createRollingBuffer({ windowMs: 60 * SECOND, maxBytes: 10_000_000 });
    buffer.add(metaEvent(0));
    buffer.add(snapshotEvent(0));
    buffer.add(metaEvent(50 * SECOND)); // an early checkout (a restart), not a full window
    buffer.add(incrementalEvent(59 * SECOND));
    buffer.add(metaEvent(100 * SECOND));
    buffer.add(incrementalEvent(130 * SECOND));
    const timestamps = buffer.drain().map((event) => event.timestamp);
    assert.deepEqual(timestamps, [50 * SECOND, 59 * SECOND, 100 * SECOND, 130 * SECOND]);
  });

  it('keeps what came before the first checkout in the first segment', () => {
    const buffer = createRollingBuffer({ maxBytes: 10_000_000 });
    buffer.add(customEvent(0, 'sightline.session'));
    buffer.add(metaEvent(10));
    assert.equal(buffer.size, 2);
  });

  it('stays under its memory cap, reporting what it dropped', () => {
    const buffer = createRollingBuffer({ windowMs: 60 * SECOND, maxBytes: 5_000 });
    buffer.add(metaEvent(0));
    buffer.add(incrementalEvent(1, 3_000));
    buffer.add(metaEvent(2));
    const overflow = buffer.add(incrementalEvent(3, 3_000));
    assert.ok(overflow !== undefined);
    assert.equal(overflow.droppedEvents, 2);
    assert.ok(buffer.bytes <= 5_000);
    assert.equal(buffer.drain()[0]?.type, EventType.Meta, 'what remains still starts at a checkout');
  });

  it('asks for a checkout when one segment outgrows the cap, but not for a big snapshot alone', () => {
    const buffer = createRollingBuffer({ maxBytes: 5_000 });
    buffer.add(metaEvent(0));
    buffer.add(snapshotEvent(0, 6_000));
    assert.equal(buffer.needsCheckout, false, 'a page bigger than the cap must not re-snapshot on every event');
    buffer.add(incrementalEvent(1, 3_000));
    assert.equal(buffer.needsCheckout, true);
  });

  it('drops DOM data but keeps custom events on retain()', () => {
    const buffer = createRollingBuffer({ maxBytes: 10_000_000 });
    buffer.add(metaEvent(0));
    buffer.add(snapshotEvent(0));
    buffer.add(customEvent(1, 'sightline.identify'));
    buffer.add(incrementalEvent(2));
    buffer.retain((event) => event.type === EventType.Custom);
    assert.deepEqual(
      buffer.drain().map((event) => event.type),
      [EventType.Custom],
    );
    assert.equal(buffer.bytes, 0);
  });
});

/** The buffer's content without emptying it. */
function peek(buffer: ReturnType<typeof createRollingBuffer>) {
  const events = buffer.drain();
  for (const event of events) buffer.add(event);
  return events;
}
