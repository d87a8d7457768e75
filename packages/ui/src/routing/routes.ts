/** The app's pages; the server answers index.html for each of these paths. */
export type Route =
  | { name: 'sessions' }
  | { name: 'sign-in' }
  | { name: 'session'; sessionId: string }
  | { name: 'trace'; traceId: string }
  | { name: 'not-found'; pathname: string };

const SESSION_ID = /^[A-Za-z0-9._:-]{8,128}$/;
const TRACE_ID = /^[0-9a-fA-F]{32}$/;

/** Which page a pathname shows. `/` is the session list. */
export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/' || path === '/sessions') return { name: 'sessions' };
  if (path === '/sign-in') return { name: 'sign-in' };
  const session = /^\/sessions\/([^/]+)$/.exec(path);
  if (session?.[1] !== undefined) {
    const sessionId = safeDecode(session[1]);
    if (sessionId !== undefined && SESSION_ID.test(sessionId)) return { name: 'session', sessionId };
  }
  const trace = /^\/traces\/([^/]+)$/.exec(path);
  if (trace?.[1] !== undefined && TRACE_ID.test(trace[1])) return { name: 'trace', traceId: trace[1].toLowerCase() };
  return { name: 'not-found', pathname };
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * Where to go after signing in: the `next` parameter when it is a page of this app (never
 * another origin: `//evil.example` or `https://…` are refused), else the session list.
 */
export function readNextPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/sessions';
  const url = new URL(next, 'http://app.invalid');
  if (url.origin !== 'http://app.invalid') return '/sessions';
  const route = matchRoute(url.pathname);
  return route.name === 'not-found' || route.name === 'sign-in' ? '/sessions' : `${url.pathname}${url.search}`;
}
