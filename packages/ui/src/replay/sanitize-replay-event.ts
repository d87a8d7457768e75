import { EventType, IncrementalSource, type RecordedEvent, readData } from './recorded-event';

/** What a sanitizer needs to know about the page that shows the replay. */
export interface ViewerLocation {
  /** The viewer's origin (`location.origin`), against which relative recorded URLs resolve in the replay iframe. */
  origin: string;
}

/** Replaces a recorded URL that must not be fetched: an empty data URL loads nothing and passes `img-src data:`. */
export const BLOCKED_URL = 'data:,';

/** Attributes whose value is one URL (or, for srcset, a list of them). */
const URL_ATTRIBUTES = new Set([
  'src',
  'href',
  'xlink:href',
  'poster',
  'background',
  'data',
  'action',
  'formaction',
  'ping',
  'longdesc',
  'manifest',
  'codebase',
  'cite',
  'icon',
  'rr_src',
]);
const CSS_ATTRIBUTES = new Set(['style', '_cssText']);
/** Attributes that would load a document of their own: never replayed. */
const DROPPED_ATTRIBUTES = new Set(['srcdoc']);
const CSS_URL = /url\(\s*(['"]?)([^'")]*)\1\s*\)/gi;
const CSS_IMPORT = /@import\s+(['"])([^'"]*)\1/gi;
/** `image-set("a.png" 1x)` takes bare strings as URLs, without `url()`. */
const CSS_IMAGE_SET = /image-set\(([^()]*(?:\([^()]*\)[^()]*)*)\)/gi;
const CSS_STRING = /(['"])([^'"]*)\1/g;

/**
 * Neutralises, in place, the URLs of a recorded event that would be fetched with the
 * viewer's cookies: the replay iframe is same-origin with the viewer (rrweb needs
 * `allow-same-origin` to draw into it), and a cookie is scoped to a host on every port,
 * so any recorded URL on the viewer's host — absolute, or relative and so resolved
 * against the viewer — would carry the Sightline session cookie. Such URLs, `javascript:`
 * URLs and meta refreshes are replaced by an empty data URL; `srcdoc` is dropped. Returns how
 * many values were changed.
 */
export function sanitizeReplayEvent(event: RecordedEvent, viewer: ViewerLocation): number {
  const guard = createUrlGuard(viewer);
  const data = readData(event);
  if (event.type === EventType.FullSnapshot) return sanitizeNode(data.node, guard);
  if (event.type !== EventType.IncrementalSnapshot) return 0;
  switch (data.source) {
    case IncrementalSource.Mutation:
      return sanitizeMutation(data, guard);
    case 8: // StyleSheetRule
      return sanitizeRuleList(data.adds, 'rule', guard);
    case 13: // StyleDeclaration
      return isObject(data.set) ? sanitizeCssField(data.set, 'value', guard) : 0;
    case 10: // Font: a FontFace built from a URL source fetches it
      return data.buffer === true ? 0 : sanitizeCssField(data, 'fontSource', guard);
    case 15: // AdoptedStyleSheet
      return Array.isArray(data.styles)
        ? data.styles.reduce<number>(
            (sum, style) => sum + (isObject(style) ? sanitizeRuleList(style.rules, 'rule', guard) : 0),
            0,
          )
        : 0;
    default:
      return 0;
  }
}

interface UrlGuard {
  /** The URL to use instead, or undefined when the URL may be fetched. */
  replace(url: string): string | undefined;
}

function createUrlGuard(viewer: ViewerLocation): UrlGuard {
  const viewerHost = new URL(viewer.origin).hostname;
  return {
    replace(raw) {
      const url = raw.trim();
      if (url === '' || url.startsWith('#') || /^(data|blob|about):/i.test(url)) return undefined;
      if (/^\s*(javascript|vbscript):/i.test(url)) return BLOCKED_URL;
      let resolved: URL;
      try {
        resolved = new URL(url, viewer.origin);
      } catch {
        return BLOCKED_URL;
      }
      return resolved.hostname === viewerHost ? BLOCKED_URL : undefined;
    },
  };
}

function sanitizeNode(root: unknown, guard: UrlGuard): number {
  let changed = 0;
  // iterative: a deep DOM must not overflow the stack
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isObject(node)) continue;
    if (isObject(node.attributes)) changed += sanitizeAttributes(node.attributes, node.tagName, guard);
    if (node.isStyle === true || typeof node.textContent === 'string')
      changed += sanitizeCssField(node, 'textContent', guard);
    if (Array.isArray(node.childNodes)) for (const child of node.childNodes) stack.push(child);
  }
  return changed;
}

function sanitizeMutation(data: Record<string, unknown>, guard: UrlGuard): number {
  let changed = 0;
  if (Array.isArray(data.adds))
    for (const add of data.adds) if (isObject(add)) changed += sanitizeNode(add.node, guard);
  if (Array.isArray(data.attributes)) {
    for (const mutation of data.attributes) {
      if (isObject(mutation) && isObject(mutation.attributes))
        changed += sanitizeAttributes(mutation.attributes, undefined, guard);
    }
  }
  if (Array.isArray(data.texts)) {
    for (const text of data.texts) if (isObject(text)) changed += sanitizeCssField(text, 'value', guard);
  }
  return changed;
}

function sanitizeAttributes(attributes: Record<string, unknown>, tagName: unknown, guard: UrlGuard): number {
  let changed = 0;
  for (const [name, value] of Object.entries(attributes)) {
    const key = name.toLowerCase();
    if (DROPPED_ATTRIBUTES.has(key)) {
      attributes[name] = null;
      changed += 1;
      continue;
    }
    if (typeof value !== 'string') continue;
    if (URL_ATTRIBUTES.has(key)) {
      const replacement = guard.replace(value);
      if (replacement !== undefined) {
        attributes[name] = replacement;
        changed += 1;
      }
    } else if (key === 'srcset' || key === 'imagesrcset') {
      const sanitized = sanitizeSrcset(value, guard);
      if (sanitized !== undefined) {
        attributes[name] = sanitized;
        changed += 1;
      }
    } else if (CSS_ATTRIBUTES.has(name) || key === 'style') {
      changed += sanitizeCssField(attributes, name, guard);
    }
  }
  if (String(tagName).toLowerCase() === 'meta' && String(attributes['http-equiv'] ?? '').toLowerCase() === 'refresh') {
    // a meta refresh would navigate the replay frame itself
    attributes.content = '';
    changed += 1;
  }
  return changed;
}

function sanitizeRuleList(list: unknown, key: string, guard: UrlGuard): number {
  if (!Array.isArray(list)) return 0;
  return list.reduce<number>((sum, item) => sum + (isObject(item) ? sanitizeCssField(item, key, guard) : 0), 0);
}

/** Rewrites `url(…)` and `@import "…"` in a CSS string field. */
function sanitizeCssField(holder: Record<string, unknown>, key: string, guard: UrlGuard): number {
  const css = holder[key];
  if (typeof css !== 'string' || !/url\(|@import|image-set\(/i.test(css)) return 0;
  let changed = 0;
  const sanitized = css
    .replace(CSS_URL, (match, quote: string, url: string) => {
      const replacement = guard.replace(url);
      if (replacement === undefined) return match;
      changed += 1;
      return `url(${quote}${replacement}${quote})`;
    })
    .replace(CSS_IMPORT, (match, quote: string, url: string) => {
      const replacement = guard.replace(url);
      if (replacement === undefined) return match;
      changed += 1;
      return `@import ${quote}${replacement}${quote}`;
    })
    .replace(CSS_IMAGE_SET, (match: string) =>
      match.replace(CSS_STRING, (candidate, quote: string, url: string) => {
        const replacement = guard.replace(url);
        if (replacement === undefined) return candidate;
        changed += 1;
        return `${quote}${replacement}${quote}`;
      }),
    );
  if (changed > 0) holder[key] = sanitized;
  return changed;
}

/** The srcset with blocked candidates replaced, or undefined when every candidate may be fetched. */
function sanitizeSrcset(srcset: string, guard: UrlGuard): string | undefined {
  let changed = false;
  const candidates = srcset.split(',').map((candidate) => {
    const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
    const replacement = guard.replace(url);
    if (replacement === undefined) return candidate.trim();
    changed = true;
    return [replacement, ...descriptor].join(' ');
  });
  return changed ? candidates.join(', ') : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
