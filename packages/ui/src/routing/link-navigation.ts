/** The parts of a click on a link that decide whether the app handles it. */
export interface LinkClick {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
  /** The anchor's `href` property (absolute), `target` and `download` attributes. */
  href: string;
  target: string | null;
  download: boolean;
}

/**
 * The in-app path to navigate to for a plain left click on a same-origin link to one of
 * the app's pages, or undefined to let the browser do its default (new tab, download,
 * another origin, the API, a modifier key).
 */
export function readInAppNavigation(click: LinkClick, origin: string): string | undefined {
  if (click.defaultPrevented || click.button !== 0) return undefined;
  if (click.metaKey || click.ctrlKey || click.shiftKey || click.altKey) return undefined;
  if (click.download || (click.target !== null && click.target !== '' && click.target !== '_self')) return undefined;
  let url: URL;
  try {
    url = new URL(click.href);
  } catch {
    return undefined;
  }
  if (url.origin !== origin) return undefined;
  if (!/^\/(sessions|traces|sign-in)?(\/|$)/.test(url.pathname)) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}
