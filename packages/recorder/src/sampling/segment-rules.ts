import type { SegmentRule } from '../options.js';

/** Whether `identify` traits put the user in a segment recorded in full (any rule matching is enough). */
export function matchesSegmentRules(rules: readonly SegmentRule[], traits: Readonly<Record<string, unknown>>): boolean {
  return rules.some((rule) => hasOwn(traits, rule.trait) && traits[rule.trait] === rule.equals);
}

// Object.hasOwn is ES2022 runtime API; the tag still runs on browsers without it
function hasOwn(object: object, key: string): boolean {
  return Object.hasOwn(object, key);
}
