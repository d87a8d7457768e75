import type { UrlPattern } from '../capture/capture.js';

/** Tests a resolved URL against a list of patterns compiled once. */
export type UrlMatcher = (url: URL) => boolean;

/**
 * Compiles `UrlPattern`s: a RegExp tests the full URL; a string is an origin
 * (`https://api.example.com`, which matches every path on exactly that origin) or a URL
 * prefix (`https://api.example.com/v1`, `/api/`), compared on whole path segments so
 * `/v1` matches `/v1/orders` and `/v1?x` but not `/v10`. Relative strings resolve
 * against `baseUrl` (the page). A string that is no URL matches nothing.
 */
export function compileUrlPatterns(patterns: readonly UrlPattern[], baseUrl: string): UrlMatcher {
  const matchers = patterns.map((pattern) => compileUrlPattern(pattern, baseUrl));
  return (url) => matchers.some((matches) => matches(url));
}

function compileUrlPattern(pattern: UrlPattern, baseUrl: string): UrlMatcher {
  // String#search ignores and restores lastIndex, so a /g pattern behaves the same on every call
  if (pattern instanceof RegExp) return (url) => url.href.search(pattern) !== -1;
  const prefix = parseUrl(pattern, baseUrl);
  if (!prefix) return () => false;
  const prefixPath = prefix.pathname + prefix.search;
  if (prefixPath === '/') return (url) => url.origin === prefix.origin;
  return (url) => url.origin === prefix.origin && startsWithSegment(url.pathname + url.search, prefixPath);
}

function startsWithSegment(path: string, prefix: string): boolean {
  if (!path.startsWith(prefix)) return false;
  if (path.length === prefix.length || prefix.endsWith('/')) return true;
  const next = path[prefix.length];
  return next === '/' || next === '?' || next === '&';
}

/** Resolves a URL against a base; `undefined` when it does not parse. */
export function parseUrl(raw: string | URL, baseUrl: string): URL | undefined {
  try {
    return new URL(raw, baseUrl);
  } catch {
    return undefined;
  }
}

/** Where relative request URLs resolve: the document's base URL (a `<base href>` counts), else the page URL. */
export interface PageLocation {
  location: Pick<Location, 'href'>;
  document?: Pick<Document, 'baseURI'>;
}

export function readBaseUrl(page: PageLocation): string {
  return page.document?.baseURI ?? page.location.href;
}
