import type { NodeLabelIndex } from '../../replay/node-label-index';
import {
  EventType,
  IncrementalSource,
  MouseInteraction,
  type RecordedEvent,
  readData,
  readIncrementalSource,
} from '../../replay/recorded-event';
import { readSightlineEvent } from '../../replay/sightline-events';
import { toSessionOffset } from '../../timeline/session-time';

export type EventRowKind =
  | 'click'
  | 'double-click'
  | 'input'
  | 'page'
  | 'navigation'
  | 'left'
  | 'identify'
  | 'track'
  | 'capture'
  | 'dropped'
  | 'session';

/** One line of the Events panel: something the user did, or a page change. */
export interface EventRow {
  timeMs: number;
  kind: EventRowKind;
  title: string;
  detail?: string;
}

/** Keystrokes in one field closer than this read as one input. */
const INPUT_MERGE_MS = 3_000;

export interface EventRowDeriver {
  /** The new row for this event, if any; keystrokes into the same field update the previous row instead. */
  next(event: RecordedEvent): EventRow | undefined;
}

/**
 * Adds a row to the Events panel's list. Leaving a page is worth a row only when no other
 * page follows (the tab was closed): before a page load it would only repeat it.
 */
export function appendEventRow(rows: EventRow[], row: EventRow): void {
  if ((row.kind === 'page' || row.kind === 'navigation') && rows.at(-1)?.kind === 'left') rows.pop();
  rows.push(row);
}

/** The Events panel's rows, built in recorded order (labels must have seen the event first). */
export function createEventRowDeriver(sessionStartMs: number, labels?: NodeLabelIndex): EventRowDeriver {
  let lastInput: { row: EventRow; id: number; timestamp: number } | undefined;
  let currentUrl: string | undefined;

  const describe = (id: unknown) => (typeof id === 'number' ? labels?.describe(id) : undefined);

  return {
    next(event) {
      const at = toSessionOffset(event.timestamp, sessionStartMs);
      const source = readIncrementalSource(event);
      if (source === IncrementalSource.MouseInteraction) {
        const data = readData(event);
        if (data.type !== MouseInteraction.Click && data.type !== MouseInteraction.DblClick) return undefined;
        const target = describe(data.id);
        const kind = data.type === MouseInteraction.Click ? 'click' : 'double-click';
        return {
          timeMs: at,
          kind,
          title: kind === 'click' ? 'Click' : 'Double-click',
          ...(target ? { detail: target } : {}),
        };
      }
      if (source === IncrementalSource.Input) {
        const data = readData(event);
        const id = typeof data.id === 'number' ? data.id : -1;
        const value =
          typeof data.isChecked === 'boolean' && typeof data.text !== 'string'
            ? String(data.isChecked)
            : String(data.text ?? '');
        if (lastInput && lastInput.id === id && event.timestamp - lastInput.timestamp < INPUT_MERGE_MS) {
          lastInput.timestamp = event.timestamp;
          lastInput.row.detail = formatInput(describe(id), value);
          return undefined;
        }
        const row: EventRow = { timeMs: at, kind: 'input', title: 'Input', detail: formatInput(describe(id), value) };
        lastInput = { row, id, timestamp: event.timestamp };
        return row;
      }
      if (event.type === EventType.Meta) {
        const href = readData(event).href;
        if (typeof href !== 'string' || href === currentUrl) return undefined;
        currentUrl = href;
        return { timeMs: at, kind: 'page', title: 'Page', detail: href };
      }
      const custom = readSightlineEvent(event);
      if (!custom) return undefined;
      switch (custom.tag) {
        case 'navigation':
          // the page was left (closed, reloaded, or a link followed): the URL it left, not a new one
          if (custom.payload.kind === 'pagehide') {
            const from = custom.payload.from;
            return { timeMs: at, kind: 'left', title: 'Left the page', ...(from ? { detail: from } : {}) };
          }
          if (custom.payload.to === currentUrl) return undefined;
          currentUrl = custom.payload.to;
          return {
            timeMs: at,
            kind: 'navigation',
            title: navigationTitle(custom.payload.kind),
            detail: custom.payload.to,
          };
        case 'identify':
          return { timeMs: at, kind: 'identify', title: 'Identified', detail: custom.payload.userId };
        case 'track':
          return {
            timeMs: at,
            kind: 'track',
            title: custom.payload.name,
            detail: summarize(custom.payload.properties),
          };
        case 'capture':
          return { timeMs: at, kind: 'capture', title: 'Captured', detail: custom.payload.reason };
        case 'dropped':
          return {
            timeMs: at,
            kind: 'dropped',
            title: 'Recording gap',
            detail: `${custom.payload.count} events dropped (${custom.payload.reason})`,
          };
        case 'session':
          return custom.payload.trigger
            ? { timeMs: at, kind: 'session', title: 'Recording kept', detail: custom.payload.trigger }
            : undefined;
        default:
          return undefined;
      }
    },
  };
}

function navigationTitle(kind: string): string {
  switch (kind) {
    case 'load':
      return 'Page load';
    case 'popstate':
      return 'Back/forward';
    case 'hashchange':
      return 'Hash change';
    default:
      return 'Navigation';
  }
}

function formatInput(target: string | undefined, value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return target ? `${target} ← "${shown}"` : `"${shown}"`;
}

function summarize(properties: Record<string, unknown>): string {
  const text = JSON.stringify(properties);
  return text === '{}' ? '' : text.length > 120 ? `${text.slice(0, 120)}…` : text;
}
