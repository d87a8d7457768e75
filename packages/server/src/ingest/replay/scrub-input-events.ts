import type { ReplayEvent } from './replay-batch.js';
import { isRecord } from './replay-batch.js';

/** rrweb: EventType.IncrementalSnapshot, IncrementalSource.Input. */
const INCREMENTAL_SNAPSHOT = 3;
const INPUT_SOURCE = 5;
const MIN_CARD_DIGITS = 13;
const MAX_CARD_DIGITS = 19;

/**
 * The server's safety net behind the recorder's masking (a page that turned it off, a
 * field it did not know): in rrweb input events (`type 3`, `data.source 5`), card
 * numbers and email addresses in `data.text` become `*`, one per character.
 *
 * Mutates the events it scrubs (they are the server's own parsed copy) and returns how
 * many it changed, so the caller knows whether the batch must be re-encoded.
 */
export function scrubInputEvents(events: readonly ReplayEvent[]): number {
  let scrubbed = 0;
  for (const event of events) {
    if (event.type !== INCREMENTAL_SNAPSHOT || !isRecord(event.data)) continue;
    const { data } = event;
    if (data.source !== INPUT_SOURCE || typeof data.text !== 'string') continue;
    const clean = scrubSensitiveText(data.text);
    if (clean !== data.text) {
      data.text = clean;
      scrubbed += 1;
    }
  }
  return scrubbed;
}

/**
 * Masks what looks like a payment card number or an email address:
 * - 13–19 digits, in groups joined by single spaces or dashes (`4111 1111-1111 1111`),
 *   that pass the Luhn check; an unbroken group of more than 19 digits is masked whole,
 *   since it can hide a card number (and holds nothing a replay needs);
 * - `local@domain.tld`: ASCII local part, a domain with a dot and a final label of 2+ letters.
 * Both scans are linear (no backtracking regular expression on untrusted text).
 * A Luhn check passes for one random number in ten: a false positive masks an input value
 * that was harmless, which is the side to err on.
 */
export function scrubSensitiveText(text: string): string {
  const ranges = [...findCardNumbers(text), ...findEmails(text)];
  if (ranges.length === 0) return text;
  const masked = text.split('');
  for (const [start, end] of ranges) masked.fill('*', start, end);
  return masked.join('');
}

type Range = [start: number, end: number];

/**
 * Digit groups joined by one space or dash form a run (`4111 1111-1111 1111`); a card
 * number is any span of whole groups of a run with 13–19 digits that passes Luhn, so
 * `qty 2 4111 1111 1111 1111` still finds it. A single group of more than 19 digits is
 * masked whole: it can hide a card number.
 */
function findCardNumbers(text: string): Range[] {
  const ranges: Range[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const groups: DigitGroup[] = [];
    for (;;) {
      const start = i;
      const digits: number[] = [];
      while (i < text.length && isDigit(text.charCodeAt(i))) {
        digits.push(text.charCodeAt(i) - 48);
        i += 1;
      }
      groups.push({ start, end: i, digits });
      const separator = text.charCodeAt(i);
      if ((separator !== 32 && separator !== 45) || !isDigit(text.charCodeAt(i + 1))) break;
      i += 1;
    }
    findCardsInRun(groups, ranges);
  }
  return ranges;
}

interface DigitGroup {
  start: number;
  end: number;
  digits: number[];
}

function findCardsInRun(groups: readonly DigitGroup[], ranges: Range[]): void {
  for (let first = 0; first < groups.length; first++) {
    const firstGroup = groups[first];
    if (!firstGroup) continue;
    if (firstGroup.digits.length > MAX_CARD_DIGITS) {
      ranges.push([firstGroup.start, firstGroup.end]);
      continue;
    }
    const digits: number[] = [];
    for (let last = first; last < groups.length; last++) {
      const group = groups[last];
      if (!group || digits.length + group.digits.length > MAX_CARD_DIGITS) break;
      digits.push(...group.digits);
      // no early exit: a longer span may pass too, and all of it must be masked
      if (digits.length >= MIN_CARD_DIGITS && passesLuhn(digits)) ranges.push([firstGroup.start, group.end]);
    }
  }
}

/** The Luhn checksum: every second digit from the right doubled, the sum a multiple of 10. */
export function passesLuhn(digits: readonly number[]): boolean {
  let sum = 0;
  for (let k = 0; k < digits.length; k++) {
    let digit = digits[digits.length - 1 - k] ?? 0;
    if (k % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function findEmails(text: string): Range[] {
  const ranges: Range[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && isLocalPartChar(text.charCodeAt(start - 1))) start -= 1;
    let end = at + 1;
    while (end < text.length && isDomainChar(text.charCodeAt(end))) end += 1;
    // "write to a@b.com." — the sentence's full stop is not part of the address
    while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end -= 1;
    if (start < at && isEmailDomain(text.slice(at + 1, end))) ranges.push([start, end]);
  }
  return ranges;
}

function isEmailDomain(domain: string): boolean {
  const labels = domain.split('.');
  const tld = labels.at(-1) ?? '';
  return labels.length >= 2 && labels.every((label) => label.length > 0) && /^[A-Za-z]{2,}$/.test(tld);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isAsciiAlphanumeric(code: number): boolean {
  return isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

// . _ % + - '
function isLocalPartChar(code: number): boolean {
  return (
    isAsciiAlphanumeric(code) || code === 46 || code === 95 || code === 37 || code === 43 || code === 45 || code === 39
  );
}

function isDomainChar(code: number): boolean {
  return isAsciiAlphanumeric(code) || code === 46 || code === 45;
}
