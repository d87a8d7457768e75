import { truncateText } from '../internal/truncate.js';
import { formatError, isErrorLike } from './describe-error.js';
import { describeNode, isNodeLike } from './describe-node.js';

export interface SerializeOptions {
  /** How many levels of objects are expanded; deeper ones become `[Object]`. */
  maxDepth: number;
  /** Cap on the result, in characters. */
  maxLength: number;
}

export interface SerializedValue {
  text: string;
  /** Something was cut: the length cap, the depth cap, or the per-object entry cap. */
  truncated: boolean;
}

const MAX_ENTRIES = 100;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A logged value as text, the way a developer reads it in the console: strings as is,
 * objects as `{a: 1, b: "x"}`, Errors with their stack, DOM nodes as `<div#id.class>`,
 * functions as `[Function name]`, cycles as `[Circular]`. It never throws and never
 * expands more than it can keep: getters that throw, proxies and cross-origin windows
 * come out as `[Unserializable]`.
 */
export function serializeValue(value: unknown, options: SerializeOptions): SerializedValue {
  const state = { truncated: false };
  let text: string;
  try {
    text = typeof value === 'string' ? value : stringify(value, 0, [], options, state);
  } catch {
    text = '[Unserializable]';
  }
  const capped = truncateText(text, options.maxLength);
  return { text: capped.text, truncated: capped.truncated || state.truncated };
}

interface SerializeState {
  truncated: boolean;
}

function stringify(
  value: unknown,
  depth: number,
  ancestors: object[],
  options: SerializeOptions,
  state: SerializeState,
): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(cap(value, options, state));
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'function':
      return `[Function ${value.name || '(anonymous)'}]`;
    case 'object':
      if (value === null) return 'null';
      return stringifyObject(value, depth, ancestors, options, state);
    default:
      return String(value);
  }
}

function stringifyObject(
  value: object,
  depth: number,
  ancestors: object[],
  options: SerializeOptions,
  state: SerializeState,
): string {
  if (ancestors.includes(value)) return '[Circular]';
  const leaf = describeLeafObject(value);
  if (leaf !== undefined) return leaf;
  const label = objectLabel(value);
  if (depth >= options.maxDepth) {
    state.truncated = true;
    return `[${label}]`;
  }
  const inner = [...ancestors, value];
  const child = (item: unknown) => safely(() => stringify(item, depth + 1, inner, options, state));
  if (Array.isArray(value)) return `[${joinCapped(value, child, options, state)}]`;
  if (value instanceof Map) {
    const entries = joinCapped(value, ([key, item]) => `${child(key)} => ${child(item)}`, options, state);
    return `Map(${value.size}) {${entries}}`;
  }
  if (value instanceof Set) return `Set(${value.size}) {${joinCapped(value, child, options, state)}}`;
  const record = value as Record<string, unknown>;
  const body = joinCapped(
    Object.keys(value),
    (key) => `${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${safely(() => child(record[key]))}`,
    options,
    state,
  );
  return `${label === 'Object' ? '' : `${label} `}{${body}}`;
}

/** Objects shown as one token, whatever the depth. */
function describeLeafObject(value: object): string | undefined {
  // a cross-origin window throws on nearly every access, but `.window` is allowed
  if ((value as { window?: unknown }).window === value) return '[Window]';
  if (isErrorLike(value)) return formatError(value);
  if (isNodeLike(value)) return describeNode(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof RegExp) return String(value);
  if (ArrayBuffer.isView(value)) return `${objectLabel(value)}(${'length' in value ? value.length : value.byteLength})`;
  if (value instanceof ArrayBuffer) return `ArrayBuffer(${value.byteLength})`;
  if (value instanceof Promise || value instanceof WeakMap || value instanceof WeakSet) return objectLabel(value);
  return undefined;
}

function objectLabel(value: object): string {
  if (Array.isArray(value)) return `Array(${value.length})`;
  try {
    const name = Object.getPrototypeOf(value)?.constructor?.name;
    return typeof name === 'string' && name !== '' ? name : 'Object';
  } catch {
    return 'Object';
  }
}

/** Joins items until the text would pass the length cap or the entry cap, then marks the cut. */
function joinCapped<Item>(
  items: Iterable<Item>,
  format: (item: Item) => string,
  options: SerializeOptions,
  state: SerializeState,
): string {
  const parts: string[] = [];
  let length = 0;
  for (const item of items) {
    if (parts.length >= MAX_ENTRIES || length > options.maxLength) {
      state.truncated = true;
      parts.push('…');
      break;
    }
    const part = format(item);
    parts.push(part);
    length += part.length + 2;
  }
  return parts.join(', ');
}

function cap(text: string, options: SerializeOptions, state: SerializeState): string {
  const capped = truncateText(text, options.maxLength);
  if (capped.truncated) state.truncated = true;
  return capped.text;
}

/** A getter or proxy trap that throws spoils one entry, not the whole value. */
function safely(read: () => string): string {
  try {
    return read();
  } catch {
    return '[Unserializable]';
  }
}
