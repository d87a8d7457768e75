/**
 * The rrweb event shapes the UI reads (`@rrweb/types`), kept minimal and checked at the
 * edge: replay data comes from browsers, so nothing in it is trusted to be well formed.
 */
export interface RecordedEvent {
  type: number;
  timestamp: number;
  data?: unknown;
}

export const EventType = {
  DomContentLoaded: 0,
  Load: 1,
  FullSnapshot: 2,
  IncrementalSnapshot: 3,
  Meta: 4,
  Custom: 5,
  Plugin: 6,
} as const;

export const IncrementalSource = {
  Mutation: 0,
  MouseMove: 1,
  MouseInteraction: 2,
  Scroll: 3,
  ViewportResize: 4,
  Input: 5,
  TouchMove: 6,
  MediaInteraction: 7,
  Drag: 12,
  Selection: 14,
} as const;

export const MouseInteraction = {
  MouseUp: 0,
  MouseDown: 1,
  Click: 2,
  ContextMenu: 3,
  DblClick: 4,
  Focus: 5,
  Blur: 6,
  TouchStart: 7,
  TouchEnd: 9,
} as const;

/** An rrweb event: an object with an integer `type` and a finite `timestamp`. */
export function isRecordedEvent(value: unknown): value is RecordedEvent {
  if (typeof value !== 'object' || value === null) return false;
  const { type, timestamp } = value as { type?: unknown; timestamp?: unknown };
  return (
    typeof type === 'number' && Number.isInteger(type) && typeof timestamp === 'number' && Number.isFinite(timestamp)
  );
}

/** The object in `event.data`, or an empty one. */
export function readData(event: RecordedEvent): Record<string, unknown> {
  return typeof event.data === 'object' && event.data !== null ? (event.data as Record<string, unknown>) : {};
}

/** The incremental source of a type-3 event, or undefined for any other event. */
export function readIncrementalSource(event: RecordedEvent): number | undefined {
  if (event.type !== EventType.IncrementalSnapshot) return undefined;
  const source = readData(event).source;
  return typeof source === 'number' ? source : undefined;
}

/** A click: type 3, source 2 (mouse interaction), data.type 2 (click). */
export function isClickEvent(event: RecordedEvent): boolean {
  return (
    readIncrementalSource(event) === IncrementalSource.MouseInteraction &&
    readData(event).type === MouseInteraction.Click
  );
}
