import type { RecordedEvent } from '../../replay/recorded-event';
import { describeErrorPayload, readSightlineEvent } from '../../replay/sightline-events';
import { toSessionOffset } from '../../timeline/session-time';

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug' | 'exception';

/** One line of the Console panel: a console call, or an uncaught error with its stack. */
export interface ConsoleRow {
  timeMs: number;
  level: ConsoleLevel;
  message: string;
  stack?: string;
  /** `file:line:column` of an uncaught error. */
  location?: string;
}

/** The console row for a `sightline.console` or `sightline.error` event. */
export function toConsoleRow(event: RecordedEvent, sessionStartMs: number): ConsoleRow | undefined {
  const custom = readSightlineEvent(event);
  if (!custom) return undefined;
  const timeMs = toSessionOffset(event.timestamp, sessionStartMs);
  if (custom.tag === 'console') {
    const message = custom.payload.args.join(' ') + (custom.payload.truncated ? ' …' : '');
    return { timeMs, level: readLevel(custom.payload.level), message };
  }
  if (custom.tag === 'error') {
    const { payload } = custom;
    const prefix = payload.kind === 'unhandledrejection' ? 'Unhandled rejection: ' : '';
    const row: ConsoleRow = {
      timeMs,
      level: 'exception',
      message: `${prefix}${describeErrorPayload(payload)}`,
    };
    if (payload.stack) row.stack = payload.stack;
    if (payload.source) row.location = `${payload.source}:${payload.line ?? 0}:${payload.column ?? 0}`;
    return row;
  }
  return undefined;
}

function readLevel(level: string): ConsoleLevel {
  switch (level) {
    case 'warn':
    case 'error':
    case 'info':
    case 'debug':
      return level;
    case 'assert':
      return 'error';
    case 'trace':
      return 'debug';
    default:
      return 'log';
  }
}

export type ConsoleFilter = 'all' | 'problems' | 'errors';

/** Rows a level filter keeps: everything, warnings and errors, or errors only. */
export function matchesConsoleFilter(row: ConsoleRow, filter: ConsoleFilter): boolean {
  if (filter === 'all') return true;
  if (row.level === 'error' || row.level === 'exception') return true;
  return filter === 'problems' && row.level === 'warn';
}
