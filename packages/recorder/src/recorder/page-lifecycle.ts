import type { ErrorReporter } from '../internal/error-reporter.js';

export interface PageLifecycleHandlers {
  /** The tab went to the background: it may be discarded without another event. */
  onHidden(): void;
  onVisible(): void;
  /** The page is being unloaded (or put in the bfcache): only synchronous work gets done. */
  onPageHide(): void;
  /** Back from the bfcache. */
  onPageRestored(): void;
}

/** Listens to the page's lifecycle; returns a function removing every listener. */
export function listenPageLifecycle(handlers: PageLifecycleHandlers, reporter: ErrorReporter): () => void {
  if (typeof window === 'undefined' || typeof document === 'undefined') return () => {};
  const onVisibilityChange = reporter.guard(() => {
    if (document.visibilityState === 'hidden') handlers.onHidden();
    else handlers.onVisible();
  });
  const onPageHide = reporter.guard(() => handlers.onPageHide());
  const onPageShow = reporter.guard((event: PageTransitionEvent) => {
    if (event.persisted) handlers.onPageRestored();
  });
  document.addEventListener('visibilitychange', onVisibilityChange);
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('pageshow', onPageShow);
  return () => {
    document.removeEventListener('visibilitychange', onVisibilityChange);
    window.removeEventListener('pagehide', onPageHide);
    window.removeEventListener('pageshow', onPageShow);
  };
}
