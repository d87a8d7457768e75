import type { eventWithTime } from '@rrweb/types';

/**
 * rrweb's numeric event types, as plain constants: importing `@rrweb/types`' enums would
 * make that package a runtime dependency of the ESM build for five numbers.
 */
export const EventType = {
  DomContentLoaded: 0,
  Load: 1,
  FullSnapshot: 2,
  IncrementalSnapshot: 3,
  Meta: 4,
  Custom: 5,
  Plugin: 6,
} as const;

const IncrementalSource = {
  Mutation: 0,
  MouseMove: 1,
  MouseInteraction: 2,
  Scroll: 3,
  Input: 5,
  TouchMove: 6,
  MediaInteraction: 7,
  Drag: 12,
  Selection: 14,
} as const;

const USER_SOURCES: ReadonlySet<number> = new Set([
  IncrementalSource.MouseMove,
  IncrementalSource.MouseInteraction,
  IncrementalSource.Scroll,
  IncrementalSource.Input,
  IncrementalSource.TouchMove,
  IncrementalSource.MediaInteraction,
  IncrementalSource.Drag,
  IncrementalSource.Selection,
]);

/** Custom events that a user's action (or the app on its behalf) caused. */
const USER_TAGS: ReadonlySet<string> = new Set([
  'sightline.navigation',
  'sightline.identify',
  'sightline.track',
  'sightline.capture',
]);

/** The shape every recorded event has, whether rrweb made it or we did. */
export interface RecorderEvent {
  type: number;
  data: unknown;
  timestamp: number;
}

export type { eventWithTime };

/**
 * Whether an event shows the user is there. Only these keep a session alive: a page that
 * polls its API or animates the DOM must still let an abandoned session expire.
 */
export function isUserActivity(event: RecorderEvent): boolean {
  if (event.type === EventType.IncrementalSnapshot) {
    const source = (event.data as { source?: unknown } | null)?.source;
    return typeof source === 'number' && USER_SOURCES.has(source);
  }
  if (event.type === EventType.Custom) {
    const tag = (event.data as { tag?: unknown } | null)?.tag;
    return typeof tag === 'string' && USER_TAGS.has(tag);
  }
  return false;
}
