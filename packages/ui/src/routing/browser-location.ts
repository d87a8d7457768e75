import { type LinkClick, readInAppNavigation } from './link-navigation';

export interface AppLocation {
  pathname: string;
  search: string;
}

/** The URL as app state: read it, change it, hear about changes (links, back/forward). */
export interface LocationStore {
  get(): AppLocation;
  /** Pushes a history entry (or replaces the current one) and notifies subscribers. */
  navigate(href: string, options?: { replace?: boolean }): void;
  subscribe(listener: (location: AppLocation) => void): () => void;
  /** Stops listening to the window. */
  dispose(): void;
}

/** A `LocationStore` over `window.history`, handling plain clicks on in-app `<a href>` links itself. */
export function createBrowserLocation(win: Window): LocationStore {
  const listeners = new Set<(location: AppLocation) => void>();
  let current = read();

  function read(): AppLocation {
    return { pathname: win.location.pathname, search: win.location.search };
  }

  function notify(): void {
    const next = read();
    if (next.pathname === current.pathname && next.search === current.search) return;
    current = next;
    for (const listener of listeners) listener(current);
  }

  function navigate(href: string, options: { replace?: boolean } = {}): void {
    if (options.replace) win.history.replaceState(null, '', href);
    else win.history.pushState(null, '', href);
    notify();
    if (!options.replace) win.scrollTo(0, 0);
  }

  function onClick(event: MouseEvent): void {
    const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(anchor instanceof HTMLAnchorElement)) return;
    const click: LinkClick = {
      button: event.button,
      metaKey: event.metaKey,
      ctrlKey: event.ctrlKey,
      shiftKey: event.shiftKey,
      altKey: event.altKey,
      defaultPrevented: event.defaultPrevented,
      href: anchor.href,
      target: anchor.getAttribute('target'),
      download: anchor.hasAttribute('download'),
    };
    const path = readInAppNavigation(click, win.location.origin);
    if (path === undefined) return;
    event.preventDefault();
    navigate(path);
  }

  win.addEventListener('popstate', notify);
  win.document.addEventListener('click', onClick);

  return {
    get: () => current,
    navigate,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      win.removeEventListener('popstate', notify);
      win.document.removeEventListener('click', onClick);
      listeners.clear();
    },
  };
}
