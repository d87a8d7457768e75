import { StatusMessage } from '../components/status-message';
import { sessionsHref } from '../routing/hrefs';
import { matchRoute } from '../routing/routes';
import { ThemeToggle } from '../theme/theme-toggle';
import { SessionReplayView } from '../views/session-replay/session-replay-view';
import { SessionsListView } from '../views/sessions-list/sessions-list-view';
import { SignInView } from '../views/sign-in/sign-in-view';
import { TraceView } from '../views/trace/trace-view';
import { useServices } from './app-services';
import { SignOutButton } from './sign-out-button';
import { useExternalState } from './use-external-state';
import { useLocation } from './use-location';

/** The shell: a slim top bar, then the page for the URL — or the sign-in screen once the API said 401. */
export function App() {
  const { auth } = useServices();
  const needsSignIn = useExternalState(auth.subscribe, auth.needsSignIn);
  const location = useLocation();
  const route = matchRoute(location.pathname);

  return (
    <div class="app">
      <header class="topbar">
        <a class="brand" href={sessionsHref()}>
          <span class="brand-mark" aria-hidden="true" />
          Sightline
        </a>
        <nav class="topnav">
          <a href={sessionsHref()} class={route.name === 'sessions' ? 'is-active' : ''}>
            Sessions
          </a>
        </nav>
        <span class="topbar-spacer" />
        {!needsSignIn && route.name !== 'sign-in' && <SignOutButton />}
        <ThemeToggle />
      </header>
      <main class="page">
        {needsSignIn || route.name === 'sign-in' ? (
          <SignInView onSignInPage={route.name === 'sign-in'} />
        ) : route.name === 'sessions' ? (
          <SessionsListView />
        ) : route.name === 'session' ? (
          <SessionReplayView key={route.sessionId} sessionId={route.sessionId} />
        ) : route.name === 'trace' ? (
          <TraceView key={route.traceId} traceId={route.traceId} />
        ) : (
          <StatusMessage title="No such page">
            <p>
              <a href={sessionsHref()}>Go to the sessions</a>
            </p>
          </StatusMessage>
        )}
      </main>
    </div>
  );
}
