import { SightlineError } from '../errors.js';

/**
 * Validators for `resolveRecorderOptions`. Each names the option, what it expects and
 * the value it got, so a misconfigured tag is fixed from the message alone.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'function') return 'a function';
  if (value instanceof RegExp) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function invalidOption(name: string, expected: string, actual: unknown, fix?: string): SightlineError {
  const hint = fix === undefined ? '' : `; ${fix}`;
  return new SightlineError(
    'invalid_option',
    `${name}: expected ${expected} (actual: ${describeValue(actual)})${hint}`,
  );
}

export function checkNumberInRange(name: string, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw invalidOption(name, `a number from ${min} to ${max}`, value);
  }
  return value;
}

export function checkPositiveInteger(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw invalidOption(name, 'an integer greater than 0', value);
  }
  return value;
}

export function checkBoolean(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw invalidOption(name, 'true or false', value);
  return value;
}

export function checkOneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalidOption(name, `one of ${allowed.map((item) => `'${item}'`).join(', ')}`, value);
  }
  return value as T;
}

/** A CSS selector list, checked against the browser's parser where there is one. */
export function checkSelector(name: string, value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw invalidOption(name, 'a CSS selector string', value);
  const probe = globalThis.document?.createDocumentFragment();
  if (probe !== undefined) {
    try {
      probe.querySelector(value);
    } catch {
      throw invalidOption(name, 'a valid CSS selector', value, "e.g. '.secret, [data-pii]'");
    }
  }
  return value;
}

export function checkUrlPatterns(name: string, value: unknown): (string | RegExp)[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalidOption(name, 'an array of origins, URL prefixes or RegExps', value);
  for (const item of value) {
    if (!(typeof item === 'string' && item !== '') && !(item instanceof RegExp)) {
      throw invalidOption(`${name}[]`, 'an origin, a URL prefix or a RegExp', item);
    }
  }
  return [...value];
}
