/**
 * PostgreSQL refuses what other engines store: NUL in text ("invalid byte sequence"),
 * `\u0000` in jsonb ("unsupported Unicode escape sequence") and unpaired surrogate
 * escapes in jsonb. One such value in an exporter's batch would fail the whole batch,
 * so the PostgreSQL write path drops NULs and replaces lone surrogates with U+FFFD.
 * The checks are cheap; the rewrite only runs on the rare value that needs it.
 */
const NUL = '\u0000';
// \u0000, or a surrogate escape that may be unpaired
const SUSPECT_JSON_ESCAPE = /\\u(0000|d[89a-f])/i;
const LONE_SURROGATE = /\p{Cs}/gu;

export function sanitizeText(value: string): string;
export function sanitizeText(value: string | null): string | null;
export function sanitizeText(value: string | null): string | null {
  if (value === null || !value.includes(NUL)) return value;
  return value.replaceAll(NUL, '');
}

/** Rewrites JSON text that jsonb would refuse; any other JSON text is returned as is. */
export function sanitizeJson(json: string): string;
export function sanitizeJson(json: string | null): string | null;
export function sanitizeJson(json: string | null): string | null {
  if (json === null || !(SUSPECT_JSON_ESCAPE.test(json) || json.includes(NUL))) return json;
  return JSON.stringify(JSON.parse(sanitizeText(json), reviveSanitized));
}

// JSON.parse revives leaves first, so each object sees its members already cleaned
function reviveSanitized(_key: string, value: unknown): unknown {
  if (typeof value === 'string') return toWellFormed(sanitizeText(value));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, member]) => [toWellFormed(sanitizeText(key)), member]));
}

function toWellFormed(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD');
}
