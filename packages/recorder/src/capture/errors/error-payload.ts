import { truncateText } from '../internal/truncate.js';
import { isErrorLike, readErrorFacts } from '../serialize/describe-error.js';
import { serializeValue } from '../serialize/serialize-value.js';

/** The payload of a `sightline.error` event (docs/replay-format.md). */
export type ErrorPayload = {
  kind: 'error' | 'unhandledrejection';
  message: string;
  name?: string;
  stack?: string;
  source?: string;
  line?: number;
  column?: number;
};

/** The fields of an `ErrorEvent` we read. */
export interface ErrorEventFacts {
  message?: string;
  filename?: string;
  lineno?: number;
  colno?: number;
  error?: unknown;
}

// a stack is a few KB; a runaway recursion's is megabytes of the same frame
const MAX_MESSAGE_LENGTH = 2_000;
const MAX_STACK_LENGTH = 16_000;

/** An uncaught error (`window` `error` event). `throw 'text'` and other non-Errors keep their value as message. */
export function buildErrorPayload(event: ErrorEventFacts): ErrorPayload {
  const thrown = describeThrown(event.error);
  return compact({
    kind: 'error',
    // the event's message says "Uncaught …", as the console does; cross-origin scripts give only "Script error."
    message: capMessage(event.message || thrown.message),
    name: thrown.name,
    stack: thrown.stack,
    source: event.filename || undefined,
    line: event.lineno || undefined,
    column: event.colno || undefined,
  });
}

/** An unhandled promise rejection; the reason may be an Error or any value. */
export function buildRejectionPayload(reason: unknown): ErrorPayload {
  const thrown = describeThrown(reason);
  return compact({ kind: 'unhandledrejection', ...thrown, message: capMessage(thrown.message) });
}

function describeThrown(value: unknown): { message: string; name?: string; stack?: string } {
  if (isErrorLike(value)) {
    const facts = readErrorFacts(value);
    return {
      message: facts.message,
      name: facts.name,
      stack: facts.stack === undefined ? undefined : truncateText(facts.stack, MAX_STACK_LENGTH).text,
    };
  }
  if (value === undefined) return { message: '' };
  return { message: serializeValue(value, { maxDepth: 3, maxLength: MAX_MESSAGE_LENGTH }).text };
}

function capMessage(message: string): string {
  return truncateText(message, MAX_MESSAGE_LENGTH).text;
}

function compact(payload: ErrorPayload): ErrorPayload {
  const compacted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) if (value !== undefined) compacted[key] = value;
  return compacted as ErrorPayload;
}
