import { useEffect, useRef, useState } from 'preact/hooks';
import { isApiError } from '../../api/api-error';
import { signIn } from '../../api/auth-api';
import { useServices } from '../../app/app-services';
import { useLocation } from '../../app/use-location';
import { describeError } from '../../components/status-message';
import { readNextPath } from '../../routing/routes';
import './sign-in.css';

/**
 * Shown when the API answers 401: asks for an admin token and trades it for the server's
 * HttpOnly session cookie (`POST /api/auth/sign-in`), then reloads.
 */
export function SignInView(props: { onSignInPage: boolean }) {
  const services = useServices();
  const location = useLocation();
  // after signing in: `next` on /sign-in, else the page that asked for it
  const target = props.onSignInPage ? readNextPath(location.search) : `${location.pathname}${location.search}`;
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);

  // on /sign-in with a valid sign-in already (a loopback server signs in by itself): go on
  useEffect(() => {
    if (!props.onSignInPage) return;
    const controller = new AbortController();
    services.client.getJson('/api/sessions', { query: { limit: 1 }, signal: controller.signal }).then(
      () => services.location.navigate(target, { replace: true }),
      () => {},
    );
    return () => controller.abort();
  }, []);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    if (token.trim() === '') return;
    setBusy(true);
    setError(undefined);
    try {
      await signIn(services.client, token.trim());
      services.loadPage(target);
    } catch (caught) {
      setBusy(false);
      setError(
        isApiError(caught) && caught.code === 'unauthorized' ? 'That token was not accepted.' : describeError(caught),
      );
    }
  }

  return (
    <div class="sign-in">
      <form class="sign-in-card" onSubmit={(event) => void submit(event)}>
        <h1>Sign in to Sightline</h1>
        <p class="muted">
          Paste an admin token. <code>sightline start</code> prints one when it creates an org.
        </p>
        <label class="field">
          <span>Admin token</span>
          <input
            type="password"
            autoComplete="current-password"
            ref={field}
            value={token}
            onInput={(event) => setToken(event.currentTarget.value)}
            disabled={busy}
          />
        </label>
        {error && (
          <p class="tone-error small" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button primary" disabled={busy || token.trim() === ''}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}
