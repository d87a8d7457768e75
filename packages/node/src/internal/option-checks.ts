import { SightlineNodeError } from '../errors.js';

/** The error for a bad option: names the option, what was expected and the value given. */
export function invalidOption(name: string, expected: string, actual: unknown): SightlineNodeError {
  return new SightlineNodeError(
    'invalid_option',
    `@sightline/node: invalid option ${name}: expected ${expected} (actual: ${describe(actual)})`,
  );
}

export function checkBoolean(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw invalidOption(name, 'a boolean', value);
  return value;
}

/** A header or cookie name: a non-empty HTTP token, lower-cased (Node and Hono look headers up lower-case). */
export function checkToken(name: string, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(value)) {
    throw invalidOption(name, "a header or cookie name (letters, digits and !#$%&'*+.^_`|~-)", value);
  }
  return value;
}

export function checkNonEmptyString(name: string, value: unknown, fallback: string | undefined): string | undefined {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || value.trim() === '') throw invalidOption(name, 'a non-empty string', value);
  return value;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'function') return 'a function';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
