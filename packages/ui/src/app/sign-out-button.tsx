import { signOut } from '../api/auth-api';
import { useServices } from './app-services';

/** Ends the UI sign-in (the server forgets the session and clears its cookie), then shows the sign-in page. */
export function SignOutButton() {
  const services = useServices();
  return (
    <button
      type="button"
      class="link-button small muted"
      onClick={() => {
        void signOut(services.client).finally(() => services.loadPage('/sign-in'));
      }}
    >
      Sign out
    </button>
  );
}
