import { signOut } from '../api/auth-api';
import { useServices } from './app-services';

/** Ends the UI sign-in (the cookie, and a bearer token kept for an older server), then shows the sign-in page. */
export function SignOutButton() {
  const services = useServices();
  return (
    <button
      type="button"
      class="link-button small muted"
      onClick={() => {
        services.tokens.clear();
        void signOut(services.client).finally(() => services.loadPage('/sign-in'));
      }}
    >
      Sign out
    </button>
  );
}
