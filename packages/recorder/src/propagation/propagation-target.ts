import type { UrlMatcher } from './url-pattern.js';

/** Which requests carry the session and trace headers. */
export interface PropagationTargets {
  /** The page's origin (`location.origin`): it always receives the headers. */
  pageOrigin: string;
  /** Other origins the app allow-listed (`propagateTo`). */
  propagateTo: UrlMatcher;
  /** The recorder's own endpoints (`ignoreUrls`): never touched. */
  ignore: UrlMatcher;
}

/**
 * True for http(s) requests to the page's origin or an allow-listed one, and never for
 * the recorder's own uploads. Any other origin gets nothing: an unexpected custom header
 * makes a cross-origin call need a CORS preflight the third party would refuse.
 */
export function shouldPropagate(url: URL, targets: PropagationTargets): boolean {
  if (!isHttpUrl(url) || targets.ignore(url)) return false;
  return url.origin === targets.pageOrigin || targets.propagateTo(url);
}

/** Only http(s) requests go over the network; `data:` and `blob:` URLs are local reads. */
export function isHttpUrl(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}
