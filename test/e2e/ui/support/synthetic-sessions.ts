import { EventType, IncrementalSource, type ReplayEvent } from '../../support/replay-events.js';

/** The recorded viewport of the synthetic sessions (rrweb Meta). */
const VIEWPORT = { width: 1280, height: 720 };

/** rrweb serialized node types (`rrweb-snapshot` NodeType). */
const NodeType = { Document: 0, DocumentType: 1, Element: 2, Text: 3 } as const;

/** rrweb ids of the counting page's nodes that change. */
const NODE = { body: 5, title: 6, second: 9 } as const;

export interface CountingSessionOptions {
  /** Unix ms of the first event: the session clock's 0. */
  startMs: number;
  /** How long the session lasts: the page counts one line per second up to this. */
  seconds: number;
  href: string;
  userId: string;
}

/**
 * A synthetic session as rrweb records it (docs/replay-format.md): Meta and a full
 * snapshot of a page whose `#second` paragraph reads `Second 0`, then every whole second
 * `s` a text mutation to `Second s`, and half-way between two a mouse move (user
 * activity all along, so 'skip inactivity' never jumps). The replay at `t` ms therefore
 * shows `Second ${Math.floor(t / 1000)}` (away from whole seconds), a moment the tests can
 * read in the replayed document. Its last event is at `seconds * 1000`: the duration.
 */
export function countingSessionEvents(options: CountingSessionOptions): ReplayEvent[] {
  const { startMs } = options;
  const events: ReplayEvent[] = [
    { type: EventType.Meta, timestamp: startMs, data: { href: options.href, ...VIEWPORT } },
    { type: EventType.FullSnapshot, timestamp: startMs, data: { node: countingPage(), initialOffset: ORIGIN } },
    {
      type: EventType.Custom,
      timestamp: startMs,
      data: { tag: 'sightline.identify', payload: { userId: options.userId, traits: { plan: 'e2e' } } },
    },
  ];
  for (let second = 1; second <= options.seconds; second += 1) {
    events.push({
      type: EventType.IncrementalSnapshot,
      timestamp: startMs + second * 1000 - 500,
      data: {
        source: IncrementalSource.MouseMove,
        positions: [{ x: 100 + ((second * 37) % 900), y: 200 + ((second * 53) % 300), id: NODE.body, timeOffset: 0 }],
      },
    });
    events.push({
      type: EventType.IncrementalSnapshot,
      timestamp: startMs + second * 1000,
      data: {
        source: IncrementalSource.Mutation,
        texts: [{ id: NODE.second, value: `Second ${second}` }],
        attributes: [],
        removes: [],
        adds: [],
      },
    });
  }
  return events;
}

const ORIGIN = { left: 0, top: 0 };

/** `<html><head/><body><h1 id="title">Counting page</h1><p id="second">Second 0</p></body></html>`, serialized. */
function countingPage(): Record<string, unknown> {
  const text = (id: number, textContent: string) => ({ type: NodeType.Text, id, textContent });
  const element = (id: number, tagName: string, attributes: Record<string, string>, childNodes: unknown[]) => ({
    type: NodeType.Element,
    id,
    tagName,
    attributes,
    childNodes,
  });
  return {
    type: NodeType.Document,
    id: 1,
    childNodes: [
      { type: NodeType.DocumentType, id: 2, name: 'html', publicId: '', systemId: '' },
      element(3, 'html', {}, [
        element(4, 'head', {}, []),
        element(NODE.body, 'body', { style: 'font-family: sans-serif; padding: 40px; font-size: 32px' }, [
          element(NODE.title, 'h1', { id: 'title' }, [text(7, 'Counting page')]),
          element(8, 'p', { id: 'second' }, [text(NODE.second, 'Second 0')]),
        ]),
      ]),
    ],
  };
}

export interface ShortSessionOptions {
  startMs: number;
  durationMs: number;
  href: string;
  userId: string;
  /** Adds an uncaught error (`sightline.error`): the session then counts one JavaScript error. */
  withError?: boolean;
}

/**
 * The smallest session the list shows: Meta at the start, `identify` (and an error) in
 * between, a `track` event at `startMs + durationMs` (its duration). No full snapshot:
 * these are listed, never played.
 */
export function shortSessionEvents(options: ShortSessionOptions): ReplayEvent[] {
  const { startMs } = options;
  const events: ReplayEvent[] = [
    { type: EventType.Meta, timestamp: startMs, data: { href: options.href, ...VIEWPORT } },
    {
      type: EventType.Custom,
      timestamp: startMs + 1,
      data: { tag: 'sightline.identify', payload: { userId: options.userId, traits: {} } },
    },
  ];
  if (options.withError) {
    events.push({
      type: EventType.Custom,
      timestamp: startMs + 2,
      data: { tag: 'sightline.error', payload: { kind: 'error', message: 'Synthetic failure', name: 'Error' } },
    });
  }
  events.push({
    type: EventType.Custom,
    timestamp: startMs + options.durationMs,
    data: { tag: 'sightline.track', payload: { name: 'end', properties: {} } },
  });
  return events;
}
